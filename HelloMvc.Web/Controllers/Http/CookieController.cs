using HelloMvc.Web.Hosting.Caching;
using HelloMvc.Web.Hosting.Proxy;
using HelloMvc.Web.Models;
using Microsoft.AspNetCore.Mvc;

namespace HelloMvc.Web.Controllers.Http;

public class CookieController : HttpChapterController
{
    // Setting a cookie: the browser stores it and sends it back on every request to this site.
    [HttpGet("set/{name}")]
    public IActionResult SetName(string name)
    {
        Response.Cookies.Append("name", name,
            new CookieOptions { Path = Request.SiteCookiePath(), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
        return RedirectToRoute(RequestController.HelloRoute);
    }

    // set_cookie()'s parameters beside CookieOptions, a form to try them, and the cookies this browser sent.
    [HttpGet("cookie")]
    [NoStore]
    public IActionResult Index() => View(Request.Cookies);

    // set_cookie() with every parameter: CookieOptions carry them and the framework writes the header; a 400 says what it refused.
    [HttpGet("cookie/set")]
    public IActionResult Set([FromQuery] CookieLabForm form)
    {
        if (!form.TryCreateOptions(Request.SiteCookiePath(), out var options, out var refusal))
        {
            return new ViewResult
                { ViewName = "Refused", ViewData = new(ViewData) { Model = refusal }, StatusCode = StatusCodes.Status400BadRequest };
        }
        Response.Cookies.Append(form.Name, form.Value ?? "", options);
        return RedirectToAction(nameof(Index));
    }
}
