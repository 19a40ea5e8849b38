using HelloMvc.Web.Hosting.Caching;
using HelloMvc.Web.LookingInside.Catalog;
using HelloMvc.Web.Negotiation;
using HelloMvc.Web.Hosting.Security;
using HelloMvc.Web.Validation;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Mvc;

namespace HelloMvc.Web.LookingInside.Exchange;

[Route("exchange")]
[Chapter(DemoCatalog.LookingInside)]
[EnableRateLimiting(SiteDefenses.ExchangePolicy)]
[NoStore]
public class ExchangeController(ExchangeRunner runner) : Controller
{
    // The raw HTTP exchange of any request on this site, sent over a socket to the server's own address, and its journey.
    [HttpGet("")]
    public async Task<IActionResult> Show([FromQuery(Name = "")] ExchangeRequest asked)
    {
        if (!ModelState.IsValid)
        {
            return Refuse(ModelState.FirstError<ExchangeRequest>(MetadataProvider)!);
        }
        var page = await runner.RunAsync(Request, asked.Path!, asked, Viewable);
        Response.StatusCode = page.ViewerStatus;
        return View(page);
    }

    // A Location or a form's action, resolved to a path of this site with its path base: the page it names, if the viewer may
    // ask for it (the same rule as the path the learner gives, ViewablePath).
    internal string? Viewable(string pathWithBase) =>
        ExchangePaths.WithoutPathBase(Request, pathWithBase) is var path
        && (!Request.PathBase.HasValue || path != pathWithBase)
        && ExchangePaths.IsViewable(Url, path)
            ? path
            : null;

    // The site's 400, saying what was refused; problem+json for a client that asked for JSON.
    private IActionResult Refuse(string reason)
    {
        if (Request.PrefersJson())
        {
            return Problem(detail: reason, statusCode: StatusCodes.Status400BadRequest, title: "Bad Request");
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Refused", reason);
    }
}
