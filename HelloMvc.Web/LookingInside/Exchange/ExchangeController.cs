using HelloMvc.Web.Hosting.Caching;
using System.Diagnostics.CodeAnalysis;
using HelloMvc.Web.LookingInside.Catalog;
using HelloMvc.Web.Negotiation;
using HelloMvc.Web.Redirects;
using HelloMvc.Web.Hosting.Security;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Mvc;

namespace HelloMvc.Web.LookingInside.Exchange;

[Route("exchange")]
[Chapter(DemoCatalog.LookingInside)]
[EnableRateLimiting(SiteDefenses.ExchangePolicy)]
[NoStore]
public class ExchangeController(ExchangeRunner conversation) : Controller
{
    // The raw HTTP exchange of any request on this site, sent over a socket to the server's own address, and its journey.
    [HttpGet("")]
    public async Task<IActionResult> Show(
        string? path, string? method, string[]? header, string? body, string? type, string? form, string? follow)
    {
        path = WithoutPathBase(path);
        if (!IsViewable(path))
        {
            return Refuse("The path must be a local path of this site, such as /http/hello, and not the viewer itself.");
        }
        if (!ExchangeRequest.TryParse(method, header, body, type, form, follow, out var asked, out var refusal))
        {
            return Refuse(refusal);
        }
        if (asked.ChangesThings && Request.Headers["Sec-Fetch-Site"] == "cross-site")
        {
            return Refuse("A link from another site may not have the viewer send a form, or a method other than GET, HEAD or OPTIONS, with your cookies.");
        }
        var page = await conversation.RunAsync(Request, path, asked, Viewable);
        Response.StatusCode = page.ViewerStatus;
        return View(page);
    }

    // A path of this site (the safe-redirect check, and a leading single slash: no URL, no ~/), but never the viewer
    // itself, in any spelling: an exchange of an exchange would loop. The server may still normalize a spelling to
    // /exchange (dot segments), so a request the viewer sent is refused too.
    internal bool IsViewable([NotNullWhen(true)] string? path) =>
        path is ['/', ..]
        && Url.ToSafeLocalUrl(path) == path
        && !ExchangePaths.IsTheViewer(path)
        && !ExchangeClient.SentByTheViewer(Request);

    // Under a path base a Location (or the address bar) says /hellomvc/http/hello; the page is the site's /http/hello.
    private string? WithoutPathBase(string? path) =>
        Request.PathBase.Value is { Length: > 0 } pathBase
        && path is not null
        && path.StartsWith(pathBase, StringComparison.OrdinalIgnoreCase)
        && path.Length > pathBase.Length && path[pathBase.Length] is '/' or '?'
            ? path[pathBase.Length..]
            : path;

    // A Location or a form's action, resolved to a path of this site with its path base: the page it names, if the viewer may ask for it.
    private string? Viewable(string pathWithBase) =>
        WithoutPathBase(pathWithBase) is var path && (!Request.PathBase.HasValue || path != pathWithBase) && IsViewable(path) ? path : null;

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
