namespace HelloMvc.Web.Hosting.Security;

/// <summary>
/// The headers that tell a browser what this site's pages may do: run scripts only from this site (no inline
/// script, no CDN), never be framed, never have a type guessed, and send referrers only to this site.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    /// <summary>
    /// A browser shows an XML response in its own viewer, which styles itself inline. XML runs no script here,
    /// so only the viewer's styles are let in; scripts stay 'self' only.
    /// </summary>
    public static readonly string XmlViewerPolicy =
        ContentSecurityPolicy.Replace("style-src 'self'", "style-src 'self' 'unsafe-inline'", StringComparison.Ordinal);

    /// <summary>
    /// Sets the headers before the rest of the pipeline runs, so pages, static files and status-code error
    /// pages all carry them. Register it after UseExceptionHandler: the handler clears the response and
    /// re-executes through here, so the 500 page gets them again. The developer exception page clears them
    /// too and keeps it that way, because its own inline script and style would break under this policy.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            // Same-origin pages still get the Referer that redirect-back reads; other sites get none.
            headers["Referrer-Policy"] = "same-origin";
            context.Response.OnStarting(LetXmlViewerStyleItself, context.Response);
            return next(context);
        });

    // One delegate for every response, handed the response as its state: no closure per request.
    private static readonly Func<object, Task> LetXmlViewerStyleItself = state =>
    {
        var response = (HttpResponse)state;
        if (response.ContentType?.Contains("xml", StringComparison.OrdinalIgnoreCase) == true)
        {
            response.Headers.ContentSecurityPolicy = XmlViewerPolicy;
        }
        return Task.CompletedTask;
    };
}
