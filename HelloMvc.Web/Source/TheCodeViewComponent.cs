using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;

namespace HelloMvc.Web.Source;

/// <summary>What "The code" shows: the code, and a line on how it answered this page.</summary>
public sealed record TheCodeSection(CodeListing Code, string Answered);

/// <summary>
/// "The code" at the end of every demo page, rendered by the layout: the action of the endpoint that answered this
/// very request, the view that rendered, and what the demo is about. On the error page a demo ends in (a 404, 418,
/// 403 or 500), the code of the action that answered with the error, or of the route that refused the URL. Any other
/// page gets nothing.
/// </summary>
public sealed class TheCodeViewComponent(DemoCode code) : ViewComponent
{
    public IViewComponentResult Invoke() => Section() is { } section ? View(section) : Content(string.Empty);

    private TheCodeSection? Section()
    {
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        var failed = HttpContext.Features.Get<IExceptionHandlerFeature>();
        if (reExecuted is null && failed is null)
        {
            return HttpContext.GetEndpoint()?.Metadata.GetMetadata<ControllerActionDescriptor>() is { } action
                   && code.ForPage(action, ViewContext.View?.Path) is { } page
                ? new TheCodeSection(page, "What answered this page: the action (with its attributes), the view it rendered, and what the demo is about.")
                : null;
        }
        // The error page re-executes in the same request; the features remember the endpoint that answered first.
        if ((reExecuted?.Endpoint ?? failed?.Endpoint)?.Metadata.GetMetadata<ControllerActionDescriptor>() is { } answered)
        {
            return code.ForPage(answered, viewPath: null) is { } error
                ? new TheCodeSection(error, "What answered with this error: the action (with its attributes) and what the demo is about. The page is the site's one error view.")
                : null;
        }
        return reExecuted is not null && code.ForRefused(HttpContext.Request.Method, reExecuted.OriginalPath) is { } refused
            ? new TheCodeSection(refused, "No action answered: the URL has the shape of this route, but its constraints refuse the value, so routing found no endpoint and the 404 page answers.")
            : null;
    }
}
