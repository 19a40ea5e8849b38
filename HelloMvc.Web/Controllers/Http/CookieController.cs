using HelloMvc.Web.Hosting.Caching;
using HelloMvc.Web.Hosting.Proxy;
using HelloMvc.Web.Models;
using HelloMvc.Web.Validation;
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

    // set_cookie() with every parameter: MVC binds the query to the lab's form and checks its rules; a 400 names the first broken.
    [HttpGet("cookie/set")]
    public IActionResult Set([FromQuery] CookieLabForm form)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Refused", ModelState.FirstError<CookieLabForm>(MetadataProvider));
        }
        Response.Cookies.Append(form.Name!, form.Value ?? "", form.ToCookieOptions(Request.SiteCookiePath()));
        return RedirectToAction(nameof(Index));
    }
}
