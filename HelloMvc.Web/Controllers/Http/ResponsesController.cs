using System.Text.Encodings.Web;
using System.Xml.Linq;
using HelloMvc.Web.Hosting.Caching;
using HelloMvc.Web.Hosting.Proxy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using static HelloMvc.Web.Models.Note;

namespace HelloMvc.Web.Controllers.Http;

public class ResponsesController(HtmlEncoder html) : HttpChapterController
{
    // A redirect built by URL generation from the route's name, never a hard-coded path.
    [HttpGet("hi")]
    public IActionResult Hi() => RedirectToRoute(RequestController.HelloRoute);

    // A redirect to another site: the browser follows the Location header wherever it points.
    [HttpGet("redirect")]
    public IActionResult ExternalRedirect() =>
        Redirect("https://www.example.com");

    // A status code chosen by the action: 201 Created, a body, and a Location where the new thing lives.
    [HttpGet("created")]
    public IActionResult CreatedNote() =>
        CreatedAtAction(
            nameof(Note),
            new { type = "json" },
            new { note = Reminder });

    // Flask's abort(418) for coffee; any other drink gets a page.
    [HttpGet("brew/{drink}")]
    public IActionResult Brew(string drink) =>
        drink.Equals("coffee", StringComparison.OrdinalIgnoreCase)
            ? StatusCode(StatusCodes.Status418ImATeapot)
            : View(model: drink);

    // Flask's abort(404): the action gives up, and the site's 404 page answers.
    [HttpGet("404")]
    public IActionResult Missing() => NotFound();

    // Flask's make_response: one response built by hand on the Response object, its status, media type, a header and a cookie.
    [HttpGet("response")]
    public IActionResult BuiltByHand()
    {
        Response.StatusCode = StatusCodes.Status202Accepted;
        Response.Headers["X-Lesson"] = "make_response";
        Response.Cookies.Append("flavour", "chocolate",
            new CookieOptions { Path = Request.SiteCookiePath(), HttpOnly = true, SameSite = SameSiteMode.Lax });
        return Content("Built by hand.", "text/plain; charset=utf-8");
    }

    // One resource, four media types: the same note as text, HTML, XML or JSON; any other type is a 400.
    [HttpGet("note/{type=text}")]
    [OutputCache(PolicyName = DeterministicPolicy.Name)]
    public IActionResult Note(string type) =>
        type.ToLowerInvariant() switch
        {
            "text" => Content(Reminder.ToText(), "text/plain; charset=utf-8"),
            "html" => Content(Reminder.ToHtml(html), "text/html; charset=utf-8"),
            "xml" => Content(
                Reminder.ToXml().ToString(SaveOptions.DisableFormatting),
                "application/xml; charset=utf-8"),
            "json" => Json(new { note = Reminder }),
            _ => BadRequest(),
        };
}
