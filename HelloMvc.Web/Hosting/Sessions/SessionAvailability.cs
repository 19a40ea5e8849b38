using HelloMvc.Web.Hosting.Proxy.Storage;
using Microsoft.AspNetCore.Http.Features;

namespace HelloMvc.Web.Hosting.Proxy.Sessions;

/// <summary>
/// A page that uses the session answers 503 Service Unavailable, with Retry-After, when its store does not answer
/// (it lives in Redis when the site is configured with it). Left alone, the session middleware swallows a store
/// failure and hands out an empty session, which would silently show a logged-in visitor as logged out and drop
/// what the page writes.
/// </summary>
public static class SessionAvailabilityExtensions
{
    /// <summary>
    /// The longest a page waits for its session. The store's own timeouts are coarser than they read: the Redis client
    /// checks them on a heartbeat about once a second, so a stalled Redis (paused, not gone) held a page for its timeout
    /// plus up to a second more. This bound is the page's own clock, so a session page answers within the contract's 2 s.
    /// </summary>
    public static readonly TimeSpan LoadLimit = TimeSpan.FromSeconds(1);

    /// <summary><see cref="SessionWhereUsedExtensions.UseSessionWhereUsed"/>, with the session loaded up front and 503 when it is not available.</summary>
    public static IApplicationBuilder UseSessionWhereUsedOrServiceUnavailable(this IApplicationBuilder app) =>
        app.UseSessionWhereUsed().Use(RefuseWhenStoreIsUnavailable);

    // After the session middleware: the session is loaded here, where a failure can still change the answer.
    // Other endpoints pass straight through, without an async step of their own.
    private static Task RefuseWhenStoreIsUnavailable(HttpContext context, RequestDelegate next) =>
        SessionWhereUsedExtensions.UsesSession(context) ? LoadOrRefuseAsync(context, next) : next(context);

    private static async Task LoadOrRefuseAsync(HttpContext context, RequestDelegate next)
    {
        // A page with the session shows it or acts on it: no browser or proxy keeps a copy.
        context.Response.Headers.CacheControl = "no-store";
        if (context.Features.Get<ISessionFeature>()?.Session is { } session
            && await LoadAsync(session, context.RequestAborted) is { } failure)
        {
            StorageUnavailable.Answer(context, failure);
            return;
        }
        await next(context);
    }

    // The store's failure, or null when the session is loaded.
    private static async Task<Exception?> LoadAsync(ISession session, CancellationToken requestAborted)
    {
        try
        {
            await session.LoadAsync(requestAborted).WaitAsync(LoadLimit, requestAborted);
            return session.IsAvailable ? null : new InvalidOperationException("The session store is unavailable.");
        }
        catch (Exception exception) when (!requestAborted.IsCancellationRequested)
        {
            // LoadAsync lets the store's failure through (a lost connection, a timeout, or more time than
            // SessionOptions.IOTimeout allows); only the synchronous Load marks the session unavailable. A TimeoutException
            // is LoadLimit's; the read it gave up on finishes or fails by itself, and nothing refreshes it again.
            return exception;
        }
    }
}
