using System.Diagnostics.CodeAnalysis;
using HelloMvc.Web.Redirects;
using Microsoft.AspNetCore.Mvc;

namespace HelloMvc.Web.LookingInside.Exchange;

public static class ExchangePaths
{
    /// <summary>
    /// The viewer's own pages, in any spelling of the path: the viewer never shows an exchange of itself (it would
    /// loop), so no demo of it has one either.
    /// </summary>
    public static bool IsTheViewer(string path) =>
        PathString.FromUriComponent(path.Split('?', '#')[0]).StartsWithSegments("/exchange", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A path the viewer may ask for: a path of this site (the safe-redirect check, and a leading single slash: no URL,
    /// no ~/), but never the viewer itself, in any spelling: an exchange of an exchange would loop. The server may still
    /// normalize a spelling to /exchange (dot segments), so a request the viewer sent is refused too.
    /// </summary>
    public static bool IsViewable(IUrlHelper url, [NotNullWhen(true)] string? path) =>
        path is ['/', ..]
        && url.ToSafeLocalUrl(path) == path
        && !IsTheViewer(path)
        && !ExchangeClient.SentByTheViewer(url.ActionContext.HttpContext.Request);

    /// <summary>Under a path base a Location (or the address bar) says /hellomvc/http/hello; the page is the site's /http/hello.</summary>
    public static string? WithoutPathBase(HttpRequest request, string? path) =>
        request.PathBase.Value is { Length: > 0 } pathBase
        && path is not null
        && path.StartsWith(pathBase, StringComparison.OrdinalIgnoreCase)
        && path.Length > pathBase.Length && path[pathBase.Length] is '/' or '?'
            ? path[pathBase.Length..]
            : path;
}
