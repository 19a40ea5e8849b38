using HelloMvc.Web.Hooks;
using HelloMvc.Web.Models;
using HelloMvc.Web.Hosting.Proxy.Sessions;
using Microsoft.AspNetCore.Mvc;

namespace HelloMvc.Web.Controllers.Http;

public class HooksController(IWebHostEnvironment environment) : HttpChapterController
{
    // Flask's g: a value a before-request hook stored for this request only, read here from HttpContext.Items.
    [HttpGet("g")]
    public IActionResult G() =>
        View(model: HttpContext.Items[RememberNameFilter.ItemKey] as string);

    // The four contexts side by side: the app, g, the request and the session.
    [HttpGet("context")]
    [UsesSession]
    public IActionResult Context() =>
        View(ContextViewModel.Of(environment, HttpContext));
}
