using HelloMvc.Web.Hooks;
using HelloMvc.Web.Sessions;
using Microsoft.AspNetCore.Mvc;

namespace HelloMvc.Web.Controllers.Http;

public class HooksController(IWebHostEnvironment environment) : HttpChapterController
{
    // Flask's g: a value a before-request hook stored for this request only, read here from HttpContext.Items.
    [HttpGet("g")]
    public IActionResult G() => View(model: HttpContext.Items[RememberNameFilter.ItemKey] as string);

    // The four contexts side by side: the app, g, the request and the session.
    [HttpGet("context")]
    [UsesSession]
    public IActionResult Context() =>
        View(new ContextViewModel(
            environment,
            HttpContext.Items.Where(item => item.Key is string).ToDictionary(item => (string)item.Key, item => item.Value?.ToString() ?? ""),
            HttpContext.Session.Keys.ToDictionary(key => key, key => HttpContext.Session.GetString(key) ?? "")));
}

public sealed record ContextViewModel(
    IWebHostEnvironment App,
    IReadOnlyDictionary<string, string> Items,
    IReadOnlyDictionary<string, string> Session);
