using HelloMvc.Web.Hosting.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace HelloMvc.Web.Hosting.Sessions;

/// <summary>
/// Marks the actions that read or write the session. Only their requests go through the session middleware (see
/// Program.cs), which otherwise reads the store, and refreshes it, for every request that carries a session cookie.
/// Before the action runs, the session is loaded here: when its store does not answer (it lives in Redis when the
/// site is configured with it), the page answers 503 Service Unavailable with Retry-After. Left alone, the session
/// middleware would hand out an empty session, silently showing a logged-in visitor as logged out.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class UsesSessionAttribute : Attribute, IAsyncResourceFilter
{
    /// <summary>
    /// The longest a page waits for its session. The store's own timeouts are coarser than they read: the Redis client
    /// checks them on a heartbeat about once a second, so a stalled Redis (paused, not gone) held a page for its timeout
    /// plus up to a second more. This bound is the page's own clock, so a session page answers within the contract's 2 s.
    /// </summary>
    public static readonly TimeSpan LoadLimit = TimeSpan.FromSeconds(1);

    /// <summary>True when the request's endpoint is marked with this attribute.</summary>
    public static bool IsOn(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<UsesSessionAttribute>() is not null;

    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        // A page with the session shows it or acts on it: no browser or proxy keeps a copy.
        context.HttpContext.Response.Headers.CacheControl = "no-store";
        if (await LoadAsync(context.HttpContext) is { } failure)
        {
            StorageUnavailable.Answer(context.HttpContext, failure);
            // No body: status-code pages re-execute it as the site's error page (problem+json when JSON was asked for).
            context.Result = new StatusCodeResult(StatusCodes.Status503ServiceUnavailable);
            return;
        }
        await next();
    }

    // The store's failure, or null when the session is loaded.
    private static async Task<Exception?> LoadAsync(HttpContext context)
    {
        try
        {
            await context.Session.LoadAsync(context.RequestAborted).WaitAsync(LoadLimit, context.RequestAborted);
            return context.Session.IsAvailable ? null : new InvalidOperationException("The session store is unavailable.");
        }
        catch (Exception exception) when (!context.RequestAborted.IsCancellationRequested)
        {
            // LoadAsync lets the store's failure through (a lost connection, a timeout, or more time than
            // SessionOptions.IOTimeout allows); only the synchronous Load marks the session unavailable. A TimeoutException
            // is LoadLimit's; the read it gave up on finishes or fails by itself, and nothing refreshes it again.
            return exception;
        }
    }
}
