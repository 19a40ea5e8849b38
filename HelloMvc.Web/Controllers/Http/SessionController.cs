using HelloMvc.Web.Hosting.Proxy.Sessions;
using Microsoft.AspNetCore.Mvc;

namespace HelloMvc.Web.Controllers.Http;

[UsesSession]
public class SessionController : HttpChapterController
{
    // Setting a cookie: the browser stores it and sends it back on every request to this site.
    [HttpGet("set/{name}")]
    public IActionResult SetName(string name)
    {
        Response.Cookies.Append("name", name, new CookieOptions
        {
            Path = "/",
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            IsEssential = true,
        });
        return RedirectToRoute(RequestController.HelloRoute);
    }

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

    // Logging out: the value leaves the session.
    [HttpGet("logout")]
    public IActionResult Logout()
    {
        HttpContext.Session.Remove(RequestController.LoggedInKey);
        return RedirectToRoute(RequestController.HelloRoute);
    }
}
