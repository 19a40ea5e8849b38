using System.Diagnostics.CodeAnalysis;
using HelloMvc.Web.LookingInside.Catalog;
using HelloMvc.Web.Redirects;
using HelloMvc.Web.Hosting.Security;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Mvc;

namespace HelloMvc.Web.LookingInside.Exchange;

[Route("exchange")]
[Chapter(DemoCatalog.LookingInside)]
[EnableRateLimiting(SiteDefenses.ExchangePolicy)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public class ExchangeController(WireClient wire) : Controller
{
    // The raw HTTP exchange of one GET on this site, sent over a socket to the server's own address.
    [HttpGet("")]
    public async Task<IActionResult> Show(string? path)
    {
        path = WithoutPathBase(path);
        if (!IsViewable(path))
        {
            return BadRequest();
        }
        var exchange = await wire.GetAsync(Request, path);
        Response.StatusCode = exchange.ViewerStatus;
        return View(exchange);
    }

    // A path of this site (the safe-redirect check, and a leading single slash: no URL, no ~/), but never the viewer
    // itself, in any spelling: an exchange of an exchange would loop. The server may still normalize a spelling to
    // /exchange (dot segments), so a request the viewer sent is refused too.
    internal bool IsViewable([NotNullWhen(true)] string? path) =>
        path is ['/', ..]
        && Url.ToSafeLocalUrl(path) == path
        && !ViewerPaths.IsTheViewer(path)
        && !WireClient.SentByTheViewer(Request);

    // Under a path base a Location (or the address bar) says /hellomvc/http/hello; the page is the site's /http/hello.
    private string? WithoutPathBase(string? path) =>
        Request.PathBase.Value is { Length: > 0 } pathBase
        && path is not null
        && path.StartsWith(pathBase, StringComparison.OrdinalIgnoreCase)
        && path.Length > pathBase.Length && path[pathBase.Length] is '/' or '?'
            ? path[pathBase.Length..]
            : path;
}
