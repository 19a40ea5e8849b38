using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace HelloMvc.Tests.Infrastructure;

/// <summary>
/// A browser page that writes down everything a person would call broken: console errors, uncaught script
/// errors, failed requests, error responses and Content-Security-Policy violations. Requests to any other
/// host never leave the machine: they are answered with a stub and written down too.
/// </summary>
public sealed class WatchedPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;

    private WatchedPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
    }

    public IPage Page { get; }

    // Playwright raises its events on its own threads.
    public ConcurrentQueue<string> ConsoleErrors { get; } = new();
    public ConcurrentQueue<string> ScriptErrors { get; } = new();
    public ConcurrentQueue<string> FailedRequests { get; } = new();
    public ConcurrentQueue<string> ErrorResponses { get; } = new();
    public ConcurrentQueue<string> CspViolations { get; } = new();
    public ConcurrentQueue<string> OffSiteRequests { get; } = new();

    public static async Task<WatchedPage> OpenAsync(IBrowserContext context, Uri site)
    {
        var page = await context.NewPageAsync();
        var watched = new WatchedPage(context, page);

        // Every document reports its CSP violations (securitypolicyviolation) back to the test; the
        // listener is installed through the DevTools protocol, so the page's own CSP does not stop it.
        await context.ExposeFunctionAsync<string>("helloMvcCspViolation", watched.CspViolations.Enqueue);
        await context.AddInitScriptAsync(
            "document.addEventListener('securitypolicyviolation', e => window.helloMvcCspViolation(" +
            "e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline code') + ' on ' + e.documentURI));");

        await context.RouteAsync(url => !IsOnSite(url, site), route =>
        {
            watched.OffSiteRequests.Enqueue(route.Request.Url);
            return route.FulfillAsync(new RouteFulfillOptions
            {
                Status = 200,
                ContentType = "text/plain",
                Body = "An off-site request, stopped by the browser tests.",
            });
        });

        page.Console += (_, message) =>
        {
            if (message.Type == "error") watched.ConsoleErrors.Enqueue($"{message.Text} (at {message.Location})");
        };
        page.PageError += (_, error) => watched.ScriptErrors.Enqueue(error);
        page.RequestFailed += (_, request) => watched.FailedRequests.Enqueue($"{request.Method} {request.Url}: {request.Failure}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400) watched.ErrorResponses.Enqueue($"{response.Status} {response.Request.Method} {response.Url}");
        };
        return watched;
    }

    /// <summary>Nothing went wrong on this page, as far as a browser can tell.</summary>
    public void AssertNothingWentWrong()
    {
        Assert.Empty(ConsoleErrors);
        Assert.Empty(ScriptErrors);
        Assert.Empty(FailedRequests);
        Assert.Empty(ErrorResponses);
        Assert.Empty(CspViolations);
        Assert.Empty(OffSiteRequests);
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();

    private static bool IsOnSite(string url, Uri site) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme is not ("http" or "https") || uri.Authority == site.Authority);
}
