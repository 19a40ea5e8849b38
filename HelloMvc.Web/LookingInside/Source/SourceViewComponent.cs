using HelloMvc.Web.LookingInside.Catalog;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.Extensions.Localization;

namespace HelloMvc.Web.LookingInside.Source;

/// <summary>What "The code" shows on a page: the action and its Flask twin, a line on how it answered, and the demo whose
/// /source page has the rest. Key names exactly that (the action, the demo, which way it answered), so the section is
/// rendered once per key and language.</summary>
public sealed record SourceSection(SourceLead Lead, Demo Demo, string Answered, string Key);

/// <summary>
/// "The code" at the end of every demo page, rendered by the layout: the action of the endpoint that answered this
/// very request beside the Flask lines that do the same; the rest (its controller, its view, what the demo is about)
/// folded behind one control that fetches it from /source/…?part=rest. On the error page a demo ends in (a 400, 403,
/// 404 or 418), the action that answered with the error, or of the route that refused the URL. Any other page, and
/// the 500 page, gets nothing.
/// </summary>
public sealed class SourceViewComponent(SourceListings code, IStringLocalizer<SourceViewComponent> localizer) : ViewComponent
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
                   && code.ForPage(action, HttpContext.Request.Path.Value ?? "") is { } page
                ? new SourceSection(page.Lead, page.Demo, localizer["What answered this page: the action (with its attributes), beside the Flask lines that do the same in the note's app."], Key("page", action, page.Demo))
                : null;
        }
        // The error page re-executes in the same request; the feature remembers the endpoint that answered first.
        if (reExecuted.Endpoint?.Metadata.GetMetadata<ControllerActionDescriptor>() is { } answered)
        {
            return code.ForPage(answered, reExecuted.OriginalPath) is { } page
                ? new SourceSection(page.Lead, page.Demo, localizer["What answered with this error: the action (with its attributes), beside the Flask lines that do the same. The page is the site's one error view."], Key("error", answered, page.Demo))
                : null;
        }
        return code.ForRefused(HttpContext.Request.Method, reExecuted.OriginalPath) is { } refused
            ? new SourceSection(refused.Lead, refused.Demo, localizer["No action answered: the URL has the shape of this route, but its constraints refuse the value, so routing found no endpoint and the 404 page answers. This is the action it would have reached."], Key("refused", null, refused.Demo))
            : null;
    }

    private static string Key(string answered, ControllerActionDescriptor? action, Demo demo) =>
        string.Concat(answered, "|", action?.Id, "|", demo.Path);
}
