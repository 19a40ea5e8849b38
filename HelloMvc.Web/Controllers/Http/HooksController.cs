using HelloMvc.Web.Hooks;
using HelloMvc.Web.Models;
using HelloMvc.Web.Hosting.Sessions;
using Microsoft.AspNetCore.Mvc;

namespace HelloMvc.Web.Controllers.Http;

public class HooksController(IWebHostEnvironment environment) : HttpChapterController
{
    // Flask's five request hooks, each with its evidence from this request; after_this_request is a callback the action
    // registers on this one response (Response.OnStarting), so no other response carries its header.
    [HttpGet("hooks")]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    public IActionResult Hooks([FromServices] ApplicationStartedAt started, [FromServices] TeardownLinesPerBrowser teardown)
    {
        Response.OnStarting(() => { Response.Headers[HooksViewModel.AfterThisRequestHeader] = "added by this action"; return Task.CompletedTask; });
        return View(new HooksViewModel(started.At, HttpContext.Items[RememberNameFilter.ItemKey] as string, teardown.ForThisBrowser(HttpContext)));
    }

    // Flask's g: a value a before-request hook stored for this request only, read here from HttpContext.Items.
    [HttpGet("g")]
    public IActionResult G() => View(model: HttpContext.Items[RememberNameFilter.ItemKey] as string);

    // The four contexts side by side: the app, g, the request and the session.
    [HttpGet("context")]
    [UsesSession]
    public IActionResult Context() => View(ContextViewModel.Of(environment, HttpContext));
}
