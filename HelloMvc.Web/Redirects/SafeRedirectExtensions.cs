using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;

namespace HelloMvc.Web.Redirects;

public static class SafeRedirectExtensions
{
    /// <summary>
    /// The candidate as a local URL (path and query) when it is safe to send a browser to, else null.
    /// Safe is what <see cref="IUrlHelper.IsLocalUrl"/> accepts (it refuses //host, /\host and control
    /// characters), plus an absolute http or https URL whose host and port are this request's own,
    /// reduced to its path and query: a Referer header is always absolute.
    /// </summary>
    public static string? ToSafeLocalUrl(this IUrlHelper url, string? candidate)
    {
        if (string.IsNullOrEmpty(candidate))
        {
            return null;
        }
        if (url.IsLocalUrl(candidate))
        {
            return candidate;
        }
        var request = url.ActionContext.HttpContext.Request;
        if (Uri.TryCreate(candidate, UriKind.Absolute, out var absolute)
            && (absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeHttps)
            && string.IsNullOrEmpty(absolute.UserInfo)
            && string.Equals(absolute.IdnHost, request.Host.Host, StringComparison.OrdinalIgnoreCase)
            && absolute.Port == (request.Host.Port ?? DefaultPort(request.Scheme)))
        {
            var local = absolute.PathAndQuery;
            return url.IsLocalUrl(local) ? local : null;
        }
        return null;
    }

    /// <summary>
    /// Flask's redirect_back(): to <paramref name="next"/> if it is safe, else to the Referer if that is,
    /// else to <paramref name="fallback"/>. Only local URLs ever reach <see cref="ControllerBase.LocalRedirect"/>,
    /// so it cannot throw, and no input can send the browser to another site.
    /// </summary>
    public static LocalRedirectResult RedirectBack(this ControllerBase controller, string? next, string fallback) =>
        controller.LocalRedirect(ForLocationHeader(
            controller.Url.ToSafeLocalUrl(next)
            ?? controller.Url.ToSafeLocalUrl(controller.Request.Headers.Referer)
            ?? fallback));

    /// <summary>
    /// A header value must be ASCII (Kestrel answers 500 to anything else), so a local URL such as /hello/greet/Zoë
    /// goes out percent-encoded as UTF-8 (/hello/greet/Zo%C3%AB), the escapes it already had kept as they are.
    /// The browser decodes it back to the same page.
    /// </summary>
    private static string ForLocationHeader(string localUrl) => UriHelper.Encode(new Uri(localUrl, UriKind.Relative));

    private static int DefaultPort(string scheme) => scheme == Uri.UriSchemeHttps ? 443 : 80;
}
