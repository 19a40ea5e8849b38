using System.Diagnostics.CodeAnalysis;
using HelloMvc.Web.Demos;
using HelloMvc.Web.Exchange;
using HelloMvc.Web.Filters;
using HelloMvc.Web.Redirects;
using Microsoft.AspNetCore.Mvc;

namespace HelloMvc.Web.Controllers;

[Route("exchange")]
[Chapter(DemoCatalog.LookingInside)]
public class ExchangeController(SiteClient site) : Controller
{
    // The raw HTTP exchange of one GET on this site, sent through the site's own pipeline in process.
    [HttpGet("")]
    public async Task<IActionResult> Show(string? path)
    {
        path = WithoutPathBase(path);
        if (!IsViewable(path))
        {
            return BadRequest();
        }
        var exchange = await site.GetAsync(Request, path);
        if (exchange.TimedOut)
        {
            Response.StatusCode = StatusCodes.Status504GatewayTimeout;
        }
        return View(exchange);
    }

    // A path of this site (the safe-redirect check, and a leading single slash: no URL, no ~/), but never the viewer
    // itself, in any spelling: an exchange of an exchange would loop.
    private bool IsViewable([NotNullWhen(true)] string? path) =>
        path is ['/', ..]
        && Url.ToSafeLocalUrl(path) == path
        && !PathString.FromUriComponent(path.Split('?', '#')[0]).StartsWithSegments("/exchange", StringComparison.OrdinalIgnoreCase)
        && !SiteClient.IsInsideExchange(HttpContext);

    // Under a path base a Location (or the address bar) says /hellomvc/http/hello; the page is the site's /http/hello.
    private string? WithoutPathBase(string? path) =>
        Request.PathBase.Value is { Length: > 0 } pathBase
        && path is not null
        && path.StartsWith(pathBase, StringComparison.OrdinalIgnoreCase)
        && path.Length > pathBase.Length && path[pathBase.Length] is '/' or '?'
            ? path[pathBase.Length..]
            : path;
}
