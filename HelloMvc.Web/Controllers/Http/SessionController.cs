using HelloMvc.Web.Hosting.Sessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace HelloMvc.Web.Controllers.Http;

[UsesSession]
public class SessionController(IOptions<SessionOptions> session) : HttpChapterController
{
    // Logging in: a value in the session, kept on the server behind the session cookie.
    [HttpGet("login")]
    public IActionResult Login()
    {
        HttpContext.Session.SetString(RequestController.LoggedInKey, "true");
        return RedirectToRoute(RequestController.HelloRoute);
    }

    // A page for logged-in users only; everyone else gets Flask's abort(403).
    [HttpGet("admin")]
    public IActionResult Admin() =>
        HttpContext.Session.GetString(RequestController.LoggedInKey) is null
            ? StatusCode(StatusCodes.Status403Forbidden)
            : View();

    // Logging out: the whole session is emptied and its cookie expired, so the next login starts a new session id.
    [HttpGet("logout")]
    public IActionResult Logout()
    {
        HttpContext.Session.Clear();
        var cookie = session.Value.Cookie;
        Response.Cookies.Delete(cookie.Name!, cookie.Build(HttpContext));
        return RedirectToRoute(RequestController.HelloRoute);
    }
}
