using System.Collections.Concurrent;
using System.Net;
using HelloMvc.Tests.Infrastructure;
using HelloMvc.Web.Hosting.Security;

namespace HelloMvc.Tests.Hosting.Security;

/// <summary>The exchange viewer with a concurrency limit of 2, so a small burst goes beyond it.</summary>
public sealed class NarrowExchangeSite() : ConfiguredKestrelSite(new Dictionary<string, string> { [SiteDefenses.ConcurrencyLimitKey] = "2" });

/// <summary>On the wire, where Kestrel writes its own headers: HSTS behind a proxy that says https, no Server header,
/// pages with a cookie or the session not for keeping, cookies under the path base, and the exchange viewer's limit.</summary>
public class SiteDefensesTests(KestrelSite site, PathBaseKestrelSite underPathBase, NarrowExchangeSite narrow, SiteFactory inMemory)
    : IClassFixture<NarrowExchangeSite>
{
    private const string PublicHost = "class.example.edu";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static (string, string)[] ProxiedHttps(string host) =>
        [("X-Forwarded-For", "203.0.113.7"), ("X-Forwarded-Proto", "https"), ("X-Forwarded-Host", host)];

    [Theory]
    [InlineData("/")]
    [InlineData("/http/hello")]
    [InlineData("/css/site.css")]
    [InlineData("/no/such/page")]
    public async Task Behind_a_proxy_that_says_https_every_response_carries_HSTS(string url)
    {
        var response = await RawHttp.GetAsync(site.BaseAddress, url, ProxiedHttps(PublicHost));

        Assert.Equal("max-age=2592000", response.Header("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Plain_http_and_the_loopback_host_names_get_no_HSTS()
    {
        var plain = await RawHttp.GetAsync(site.BaseAddress, "/");
        // HstsOptions.ExcludedHosts: a learner's own https://localhost is never pinned.
        var localhost = await RawHttp.GetAsync(site.BaseAddress, "/", ProxiedHttps("localhost"));

        Assert.Null(plain.Header("Strict-Transport-Security"));
        Assert.Null(localhost.Header("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Development_sends_no_HSTS_even_over_https()
    {
        using var development = inMemory.InEnvironment("Development");
        var https = development.CreateClient(new() { BaseAddress = new Uri($"https://{PublicHost}") });
        var production = inMemory.CreateClient(new() { BaseAddress = new Uri($"https://{PublicHost}") });

        Assert.False((await https.GetAsync("/", Cancel)).Headers.Contains("Strict-Transport-Security"));
        Assert.True((await production.GetAsync("/", Cancel)).Headers.Contains("Strict-Transport-Security"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/http/hello")]
    [InlineData("/no/such/page")]
    [InlineData("/css/site.css")]
    public async Task No_response_names_the_server_software(string url)
    {
        var response = await RawHttp.GetAsync(site.BaseAddress, url);

        Assert.DoesNotContain(response.Headers, header => header.Key.Equals("Server", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("/http/request")]
    [InlineData("/exchange?path=/")]
    [InlineData("/http/context")]
    [InlineData("/http/admin")]
    [InlineData("/http/hello")]
    public async Task A_page_that_shows_a_cookie_or_the_session_is_not_for_keeping(string url)
    {
        var response = await RawHttp.GetAsync(site.BaseAddress, url);

        Assert.Contains("no-store", response.Header("Cache-Control") ?? "");
    }

    [Fact]
    public async Task Under_a_path_base_the_session_and_name_cookies_go_back_to_the_site_only()
    {
        var client = underPathBase.CreateWireClient(handleCookies: false);

        var login = await client.GetAsync($"{SiteSettings.PathBase}/http/login", Cancel);
        var name = await client.GetAsync($"{SiteSettings.PathBase}/http/set/Grey", Cancel);

        Assert.Contains($"path={SiteSettings.PathBase}", SetCookie(login, ".HelloMvc.Session"));
        Assert.Contains($"path={SiteSettings.PathBase}", SetCookie(name, "name"));
    }

    [Fact]
    public async Task Beyond_its_limit_the_exchange_viewer_answers_503_with_Retry_After_while_the_rest_of_the_site_answers()
    {
        var client = narrow.CreateWireClient(handleCookies: false);
        var exchanges = new ConcurrentBag<HttpResponseMessage>();
        var pages = new ConcurrentBag<HttpStatusCode>();

        // 40 exchanges at once against a limit of 2, and 20 ordinary pages among them.
        var burst = Enumerable.Range(0, 40).Select(async index =>
                exchanges.Add(await client.GetAsync($"/exchange?path=/http/more%3Fpage%3D{index % 5 + 1}", Cancel)))
            .Concat(Enumerable.Range(0, 20).Select(async _ => pages.Add((await client.GetAsync("/http/post", Cancel)).StatusCode)));
        await Task.WhenAll(burst).WaitAsync(TimeSpan.FromSeconds(30), Cancel);

        Assert.All(exchanges, response => Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"{response.StatusCode}"));
        Assert.Contains(exchanges, response => response.StatusCode == HttpStatusCode.OK);
        var refused = exchanges.Where(response => response.StatusCode == HttpStatusCode.ServiceUnavailable).ToList();
        Assert.NotEmpty(refused);
        Assert.All(refused, response => Assert.Equal(TimeSpan.FromSeconds(SiteDefenses.RetryAfterSeconds), response.Headers.RetryAfter?.Delta));
        Assert.All(pages, status => Assert.Equal(HttpStatusCode.OK, status));
    }

    private static string[] SetCookie(HttpResponseMessage response, string name) =>
        Assert.Single(response.Headers.GetValues("Set-Cookie"), header => header.StartsWith(name + "=", StringComparison.Ordinal)).Split("; ");
}
