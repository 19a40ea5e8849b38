using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace HelloMvc.Web.Sessions;

/// <summary>
/// A page that uses the session answers 503 Service Unavailable, with Retry-After, when the session cannot
/// be had: its store does not answer, or the data-protection key ring that encrypts its cookie cannot be
/// read (both live in Redis when the site is configured with it). Left alone, the session middleware
/// swallows a store failure and hands out an empty session, which would silently show a logged-in visitor
/// as logged out and drop what the page writes.
/// </summary>
public static class SessionAvailabilityExtensions
{
    /// <summary>Seconds a client is told to wait: a few of the Redis client's reconnect attempts.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary><see cref="SessionWhereUsedExtensions.UseSessionWhereUsed"/>, with the session loaded up front and 503 when it is not available.</summary>
    public static IApplicationBuilder UseSessionWhereUsedOrServiceUnavailable(this IApplicationBuilder app) =>
        app.Use(RefuseWhenKeysAreUnavailable)
            .UseSessionWhereUsed()
            .Use(RefuseWhenStoreIsUnavailable);

    // Before the session middleware, which encrypts a new visitor's session id before the action runs.
    // Other endpoints pass straight through, without an async step of their own.
    private static Task RefuseWhenKeysAreUnavailable(HttpContext context, RequestDelegate next) =>
        SessionWhereUsedExtensions.UsesSession(context) ? RefuseOnKeyRingFailureAsync(context, next) : next(context);

    // After it: the session is loaded here, where a failure can still change the answer.
    private static Task RefuseWhenStoreIsUnavailable(HttpContext context, RequestDelegate next) =>
        SessionWhereUsedExtensions.UsesSession(context) ? LoadOrRefuseAsync(context, next) : next(context);

    private static async Task RefuseOnKeyRingFailureAsync(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (CryptographicException exception) when (!context.Response.HasStarted)
        {
            ServiceUnavailable(context, exception);
        }
    }

    private static async Task LoadOrRefuseAsync(HttpContext context, RequestDelegate next)
    {
        if (context.Features.Get<ISessionFeature>()?.Session is { } session
            && await LoadAsync(session, context.RequestAborted) is { } failure)
        {
            ServiceUnavailable(context, failure);
            return;
        }
        await next(context);
    }

    // The store's failure, or null when the session is loaded.
    private static async Task<Exception?> LoadAsync(ISession session, CancellationToken requestAborted)
    {
        try
        {
            await session.LoadAsync(requestAborted);
            return session.IsAvailable ? null : new InvalidOperationException("The session store is unavailable.");
        }
        catch (Exception exception) when (!requestAborted.IsCancellationRequested)
        {
            // LoadAsync lets the store's failure through (a lost connection, a timeout, or more time than
            // SessionOptions.IOTimeout allows); only the synchronous Load marks the session unavailable.
            return exception;
        }
    }

    // No body: status-code pages re-execute it as the site's error page (problem+json when JSON was asked for).
    // The response is not cleared: the security headers set before this stay.
    private static void ServiceUnavailable(HttpContext context, Exception failure)
    {
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SessionAvailabilityExtensions))
            .LogWarning(failure, "The session is unavailable: answering 503 for {Path}", context.Request.Path);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers[HeaderNames.RetryAfter] = RetryAfterSeconds.ToString();
    }
}
