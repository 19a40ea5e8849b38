using HelloMvc.Web.Redirects;
using Microsoft.AspNetCore.Mvc;

namespace HelloMvc.Web.Controllers.Http;

public class RedirectBackController : HttpChapterController
{
    // A page that links to an action which should send the learner back here afterwards.
    [HttpGet("foo")]
    public IActionResult Foo() => View("Page", "Foo page");

    // A second such page, to see that the redirect goes back to whichever page sent the learner.
    [HttpGet("bar")]
    public IActionResult Bar() => View("Page", "Bar page");

    // Redirecting back: to `next` if it is safe, else the Referer if it is, else the hello page; never off this site.
    [HttpGet("do-something")]
    public IActionResult DoSomething([FromQuery] string? next) =>
        this.RedirectBack(
            next,
            fallback: Url.RouteUrl(RequestController.HelloRoute)!);
}
