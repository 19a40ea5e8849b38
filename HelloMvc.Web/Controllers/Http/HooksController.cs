using HelloMvc.Web.Hosting.Caching;
using HelloMvc.Web.Hooks;
using HelloMvc.Web.Models;
using HelloMvc.Web.Hosting.Sessions;
using Microsoft.AspNetCore.Mvc;
using static HelloMvc.Web.Models.HooksViewModel;

namespace HelloMvc.Web.Controllers.Http;

public class HooksController(
    IWebHostEnvironment environment,
    ApplicationStartedAt started,
    TeardownLinesPerBrowser teardown) : HttpChapterController
{
    // Flask's five request hooks, each with its evidence from this request;
    // after_this_request is a callback on this one response (Response.OnStarting).
    [HttpGet("hooks")]
    [NoStore]
    public IActionResult Hooks()
    {
        var headers = Response.Headers;
        Response.OnStarting(() =>
        {
            headers[AfterThisRequestHeader] = "added by this action";
            return Task.CompletedTask;
        });
        var g = HttpContext.Items[RememberNameFilter.ItemKey] as string;
        var teardownLines = teardown.ForThisBrowser(HttpContext);
        return View(new HooksViewModel(started.At, g, teardownLines));
    }

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
