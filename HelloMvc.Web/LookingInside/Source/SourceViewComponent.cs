using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;

namespace HelloMvc.Web.LookingInside.Source;

/// <summary>What "The code" shows: the code, and a line on how it answered this page.</summary>
public sealed record SourceSection(SourceListing Code, string Answered);

/// <summary>
/// "The code" at the end of every demo page, rendered by the layout: the action of the endpoint that answered this
/// very request, the view that rendered, and what the demo is about. On the error page a demo ends in (a 400, 403,
/// 404 or 418), the code of the action that answered with the error, or of the route that refused the URL. Any other
/// page, and the 500 page, gets nothing.
/// </summary>
public sealed class SourceViewComponent(SourceListings code) : ViewComponent
{
    public IViewComponentResult Invoke() => Section() is { } section ? View(section) : Content(string.Empty);

    private SourceSection? Section()
    {
        // The 500 page names nothing of the code that failed: it shows no exception and no stack trace outside Development.
        if (HttpContext.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            return null;
        }
        if (HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not { } reExecuted)
        {
            return HttpContext.GetEndpoint()?.Metadata.GetMetadata<ControllerActionDescriptor>() is { } action
                   && code.ForPage(action, ViewContext.View?.Path) is { } page
                ? new SourceSection(page, "What answered this page: the action (with its attributes), the view it rendered, and what the demo is about.")
                : null;
        }
        // The error page re-executes in the same request; the feature remembers the endpoint that answered first.
        if (reExecuted.Endpoint?.Metadata.GetMetadata<ControllerActionDescriptor>() is { } answered)
        {
            return code.ForPage(answered, viewPath: null) is { } error
                ? new SourceSection(error, "What answered with this error: the action (with its attributes) and what the demo is about. The page is the site's one error view.")
                : null;
        }
        return code.ForRefused(HttpContext.Request.Method, reExecuted.OriginalPath) is { } refused
            ? new SourceSection(refused, "No action answered: the URL has the shape of this route, but its constraints refuse the value, so routing found no endpoint and the 404 page answers.")
            : null;
    }
}
