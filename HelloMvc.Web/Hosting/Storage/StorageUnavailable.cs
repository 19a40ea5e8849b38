using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace HelloMvc.Web.Hosting.Storage;

/// <summary>
/// 503 Service Unavailable, with Retry-After, for a page that needs what the site keeps in its storage while that
/// storage does not answer: its session (see UsesSessionAttribute) or the data-protection key ring. With Redis, an instance that starts while Redis is down cannot read the data-protection
/// key ring, so nothing it must encrypt (a new session id, an antiforgery token) can be made until Redis returns.
/// </summary>
public static class StorageUnavailable
{
    /// <summary>Seconds a client is told to wait: a few of the Redis client's reconnect attempts.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>
    /// A key ring that cannot be read surfaces as a CryptographicException from whatever tried to encrypt. A tampered
    /// cookie or token never does (the session and antiforgery catch those themselves), so here it means the keys.
    /// </summary>
    public static IApplicationBuilder UseServiceUnavailableWhileKeysAreUnreadable(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (CryptographicException exception) when (!context.Response.HasStarted)
            {
                // A view had named its Content-Type before it failed; status-code pages leave a typed answer alone.
                context.Response.ContentType = null;
                Answer(context, exception);
            }
        });

    /// <summary>No body: status-code pages re-execute it as the site's error page (problem+json when JSON was asked for).
    /// The response is not cleared, so the security headers set before this stay. One line per refusal, with the
    /// storage's own reason and no stack trace: the trace is the same every time and says nothing an operator can act on.</summary>
    public static void Answer(HttpContext context, Exception failure)
    {
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StorageUnavailable))
            .LogWarning("The site's storage is unavailable: answering 503 for {Path} ({Reason})", context.Request.Path, failure.GetBaseException().Message);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers[HeaderNames.RetryAfter] = RetryAfterSeconds.ToString();
    }
}
