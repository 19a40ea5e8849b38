using HelloMvc.Web.Hosting.Proxy;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging.Abstractions;

namespace HelloMvc.Web.Hooks;

/// <summary>One line the teardown hook logged: when, and the line itself.</summary>
public sealed record TeardownLine(DateTimeOffset At, string Text);

/// <summary>
/// Keeps the last few lines the teardown hook (the framework's HTTP logging, one combined line per request) wrote for
/// each browser, so /http/hooks can show a browser the line logged for its previous request, and never another's.
/// A browser is known by a random id in an HttpOnly cookie, given to it by the hooks page; requests without one, and the
/// static files a page loads, are not kept. Everything is in memory and bounded: a few lines per browser, each cut
/// short, and a size limit on the browsers (the framework's MemoryCache evicts the least recently used past it).
/// It is a logger provider for the HttpLogging category, which it adds to the site's logging as the host starts (so a
/// ClearProviders() that quiets the console leaves it be).
/// </summary>
public sealed class TeardownLinesPerBrowser(IHttpContextAccessor requests, TimeProvider clock, ILoggerFactory logging) : ILoggerProvider, IHostedService
{
    public const string CookieName = ".HelloMvc.Browser";
    public const int LinesPerBrowser = 5;
    public const int Browsers = 1000;
    public const int LineLimit = 1000;

    /// <summary>The category HttpLoggingMiddleware writes its lines under.</summary>
    public static readonly string Category = typeof(HttpLoggingOptions).Namespace + ".HttpLoggingMiddleware";

    private readonly MemoryCache _browsers = new(new MemoryCacheOptions { SizeLimit = Browsers });

    /// <summary>
    /// This browser's recent lines, newest first: the first is its previous request. A browser without an id gets
    /// one now (its next requests are kept), and has none.
    /// </summary>
    public IReadOnlyList<TeardownLine> ForThisBrowser(HttpContext context)
    {
        if (BrowserOf(context.Request) is { } browser)
        {
            return _browsers.Get<Recent>(browser)?.NewestFirst() ?? [];
        }
        context.Response.Cookies.Append(CookieName, Guid.NewGuid().ToString("N"), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Path = context.Request.SiteCookiePath(),
            IsEssential = true,
        });
        return [];
    }

    private static string? BrowserOf(HttpRequest request) =>
        Guid.TryParseExact(request.Cookies[CookieName], "N", out var id) ? id.ToString("N") : null;

    private bool ThisRequestHasABrowserId() => requests.HttpContext?.Request.Cookies.ContainsKey(CookieName) == true;

    private void Keep(string text)
    {
        if (requests.HttpContext is not { } context
            || BrowserOf(context.Request) is not { } browser
            || context.GetEndpoint()?.Metadata.GetMetadata<StaticAssetDescriptor>() is not null)
        {
            return;
        }
        var recent = _browsers.GetOrCreate(browser, entry =>
        {
            entry.Size = 1;
            entry.SlidingExpiration = TimeSpan.FromHours(1);
            return new Recent();
        })!;
        recent.Add(new TeardownLine(clock.GetUtcNow(), text.Length <= LineLimit ? text : text[..LineLimit] + "…"));
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        logging.AddProvider(this);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public ILogger CreateLogger(string categoryName) => categoryName == Category ? new Logger(this) : NullLogger.Instance;

    public void Dispose() => _browsers.Dispose();

    /// <summary>A browser's last few lines, oldest first.</summary>
    private sealed class Recent
    {
        private readonly Queue<TeardownLine> _lines = new(LinesPerBrowser);

        public void Add(TeardownLine line)
        {
            lock (_lines)
            {
                if (_lines.Count == LinesPerBrowser) _lines.Dequeue();
                _lines.Enqueue(line);
            }
        }

        public IReadOnlyList<TeardownLine> NewestFirst()
        {
            lock (_lines) return _lines.Reverse().ToList();
        }
    }

    private sealed class Logger(TeardownLinesPerBrowser lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        // Only a browser with an id has lines kept: for every other request the HTTP logging middleware, which asks this
        // first, skips its work (in Production no other provider wants the teardown line).
        public bool IsEnabled(LogLevel logLevel) =>
            logLevel >= LogLevel.Information && lines.ThisRequestHasABrowserId();

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) lines.Keep(formatter(state, exception));
        }
    }
}
