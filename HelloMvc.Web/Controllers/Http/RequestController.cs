using HelloMvc.Web.Hosting.Caching;
using HelloMvc.Web.Models;
using HelloMvc.Web.Hosting.Sessions;
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
        var cookie = Request.Cookies["name"];
        var (shown, source) = name is not null ? (name, NameSource.Query)
            : cookie is not null ? (cookie, NameSource.Cookie)
            : ("Human", NameSource.Default);
        var loggedIn = HttpContext.Session.GetString(LoggedInKey) != null;
        return View(new HelloViewModel(shown, source, loggedIn));
    }

    // The request object: everything the server knows about the request it is answering.
    [HttpGet("request")]
    [NoStore]
    public IActionResult Inspect() => View();

    // One URL, two HTTP methods: GET shows a form, POST (with its antiforgery token) answers it.
    [HttpGet("methods")]
    [HttpPost("methods")]
    public IActionResult Methods() => View(model: Request.Method);
}
