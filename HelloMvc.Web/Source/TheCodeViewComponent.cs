using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;

namespace HelloMvc.Web.Source;

/// <summary>
/// "The code" at the end of every demo page, rendered by the layout: the action of the endpoint that is answering
/// this very request, the view that is rendering, and what the demo is about. Any other page gets nothing.
/// </summary>
public sealed class TheCodeViewComponent(DemoCode code) : ViewComponent
{
    public IViewComponentResult Invoke() =>
        HttpContext.GetEndpoint()?.Metadata.GetMetadata<ControllerActionDescriptor>() is { } action
        && code.ForPage(action, ViewContext.View?.Path) is { } listing
            ? View(listing)
            : Content(string.Empty);
}
