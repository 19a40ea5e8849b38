using HelloMvc.Web.Models;
using HelloMvc.Web.Hosting.Proxy.Sessions;
using Microsoft.AspNetCore.Mvc;

namespace HelloMvc.Web.Controllers.Http;

public class RequestController : HttpChapterController
{
    public const string HelloRoute = "hello";
    public const string LoggedInKey = "logged_in";

    // Reading the request: the name from the query string, else from a cookie; the login state from the session.
    [HttpGet("")]
    [HttpGet("hello", Name = HelloRoute)]
    [UsesSession]
    public IActionResult Hello([FromQuery] string? name)
    {
        var loggedIn = HttpContext.Session.GetString(LoggedInKey) is not null;
        return View(name is not null ? new HelloViewModel(name, NameSource.Query, loggedIn)
            : Request.Cookies["name"] is { } cookie ? new HelloViewModel(cookie, NameSource.Cookie, loggedIn)
            : new HelloViewModel("Human", NameSource.Default, loggedIn));
    }

    // The request object: everything the server knows about the request it is answering.
    [HttpGet("request")]
    public IActionResult Inspect() => View();

    // One URL, two HTTP methods: GET shows a form, POST (with its antiforgery token) answers it.
    [HttpGet("methods")]
    [HttpPost("methods")]
    public IActionResult Methods() => View(model: Request.Method);
}
