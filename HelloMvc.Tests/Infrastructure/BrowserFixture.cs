using Microsoft.Playwright;

namespace HelloMvc.Tests.Infrastructure;

/// <summary>The browser tests share the run's site on a real port and one Chromium launch per run.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}

/// <summary>
/// Debian's Chromium (never a downloaded browser) driven by Playwright, against the run's <see cref="KestrelSite"/>.
/// Without Chromium the browser tests skip and say how to install it; with HELLOMVC_REQUIRE_BROWSER=1
/// (CI sets it) they fail instead. HELLOMVC_CHROMIUM points at another Chromium binary.
/// </summary>
public sealed class BrowserFixture(KestrelSite site) : IAsyncLifetime
{
    public const string RequireBrowserVariable = "HELLOMVC_REQUIRE_BROWSER";
    public const string ChromiumVariable = "HELLOMVC_CHROMIUM";
    private const string DebianChromium = "/usr/bin/chromium";

    // Headless Chromium on a machine with no network: no GPU, no sandbox (CI runs as root), and none of
    // the background connections (updates, sync, first-run pages) that would only fail here.
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string? _missing;

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } path ? path : DebianChromium;

    /// <summary>The site's address, such as http://127.0.0.1:40123.</summary>
    public Uri BaseAddress => site.BaseAddress;

    /// <summary>An HTTP client for the same server the browser talks to, to compare what the page shows.</summary>
    public HttpClient CreateClient() => site.CreateWireClient();

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            _missing = $"No Chromium at {ChromiumPath}: install Debian's with `apt-get install chromium` " +
                       $"(or point {ChromiumVariable} at one) to run the browser tests.";
            return;
        }
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
        // The machine is shared and small: give the page's AJAX time, but never wait unbounded.
        Assertions.SetDefaultExpectTimeout(15_000);
    }

    /// <summary>
    /// A fresh browser context and page that record every sign of trouble; call first in each test. The page is on
    /// the shared site, or on <paramref name="site"/> (started here) for a test that needs settings of its own; in the
    /// browser's <paramref name="locale"/> (zh-CN: its Accept-Language asks for Chinese) when one is given.
    /// </summary>
    public async Task<WatchedPage> OpenPageAsync(KestrelSite? site = null, string? locale = null)
    {
        if (_missing is not null)
        {
            if (Environment.GetEnvironmentVariable(RequireBrowserVariable) == "1")
            {
                Assert.Fail($"{RequireBrowserVariable}=1 but the browser is missing. {_missing}");
            }
            Assert.Skip(_missing);
        }
        var address = site?.Start() ?? BaseAddress;
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = address.ToString(), Locale = locale });
        context.SetDefaultTimeout(15_000);
        return await WatchedPage.OpenAsync(context, address);
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
