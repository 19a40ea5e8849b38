using System.Net;
using HelloMvc.Tests.Infrastructure;
using HelloMvc.Web.Hosting.Proxy;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HelloMvc.Tests.Hosting.Proxy;

/// <summary>The site behind nginx saying "https": a proxy is only believed from a trusted address.</summary>
public sealed class UntrustingKestrelSite() : ConfiguredKestrelSite(new Dictionary<string, string>
{
    // A documentation address (TEST-NET-1): the only proxy this site trusts, so the test's loopback requests are not.
    [$"{HostingExtensions.ForwardedHeadersSection}:KnownProxies:0"] = "192.0.2.1",
});

/// <summary>
/// On a real socket, since the in-memory server has no remote address, and the forwarded headers middleware believes
/// anyone whose address it cannot check. The test's requests come from 127.0.0.1, as nginx's would on the same machine.
/// </summary>
public class ForwardedHeadersTests(KestrelSite trusting, UntrustingKestrelSite untrusting)
    : IClassFixture<UntrustingKestrelSite>
{
    private const string ClientAddress = "203.0.113.7";
    private const string PublicHost = "example.edu";
    private const string SessionCookie = ".HelloMvc.Session";

    private readonly HttpClient _behindTrustedProxy = trusting.CreateWireClient();
    private readonly HttpClient _behindUntrustedProxy = untrusting.CreateWireClient();

    /// <summary>What nginx adds in front of a browser's https request to https://example.edu/.</summary>
    private static HttpRequestMessage Proxied(string url, string? referer = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("X-Forwarded-For", ClientAddress);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", PublicHost);
        if (referer is not null) request.Headers.Referrer = new Uri(referer);
        return request;
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        using (request)
        {
            return await client.SendAsync(request, TestContext.Current.CancellationToken);
        }
    }

    private static async Task<IReadOnlyDictionary<string, string>> InspectAsync(HttpClient client)
    {
        using var request = Proxied("/http/request");
        var page = await client.ParseAsync(request);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return page.Document.GetElementById("request-line")!.ReadLabeled();
    }

    private static string[] SetCookie(HttpResponseMessage response, string namePrefix) =>
        Assert.Single(response.Headers.GetValues("Set-Cookie"), header => header.StartsWith(namePrefix, StringComparison.Ordinal)).Split("; ");

    [Fact]
    public async Task Behind_a_trusted_proxy_the_request_inspector_shows_the_clients_scheme_host_and_address()
    {
        var request = await InspectAsync(_behindTrustedProxy);

        Assert.Equal("https", request["Scheme"]);
        Assert.Equal(PublicHost, request["Host"]);
        Assert.Equal(ClientAddress, request["Remote address"]);
        Assert.Equal($"https://{PublicHost}/http/request", request["Full URL"]);
    }

    [Fact]
    public async Task Behind_an_untrusted_address_the_forwarded_headers_are_ignored()
    {
        var request = await InspectAsync(_behindUntrustedProxy);

        Assert.Equal("http", request["Scheme"]);
        Assert.Equal(_behindUntrustedProxy.BaseAddress!.Authority, request["Host"]);
        Assert.Equal("127.0.0.1", request["Remote address"]);
    }

    [Theory]
    [InlineData("/http/login", SessionCookie)]
    [InlineData("/http/set/Grey", "name=")]
    [InlineData("/http/methods", ".AspNetCore.Antiforgery.")]
    public async Task Behind_a_trusted_proxy_saying_https_every_cookie_is_Secure(string url, string cookie)
    {
        var secured = SetCookie(await SendAsync(_behindTrustedProxy, Proxied(url)), cookie);
        var untrusted = SetCookie(await SendAsync(_behindUntrustedProxy, Proxied(url)), cookie);
        var direct = SetCookie(await _behindTrustedProxy.GetAsync(url, TestContext.Current.CancellationToken), cookie);

        Assert.Contains("secure", secured);
        Assert.DoesNotContain("secure", untrusted);
        Assert.DoesNotContain("secure", direct);
        Assert.Contains("httponly", secured);
    }

    [Fact]
    public async Task Redirect_back_treats_the_forwarded_host_as_this_site()
    {
        var next = $"/http/do-something?next={Uri.EscapeDataString($"https://{PublicHost}/http/foo?x=1")}";

        var fromNext = await SendAsync(_behindTrustedProxy, Proxied(next));
        var fromReferer = await SendAsync(_behindTrustedProxy, Proxied("/http/do-something", referer: $"https://{PublicHost}/http/bar"));
        var untrusted = await SendAsync(_behindUntrustedProxy, Proxied(next));

        Assert.Equal("/http/foo?x=1", fromNext.Headers.Location?.OriginalString);
        Assert.Equal("/http/bar", fromReferer.Headers.Location?.OriginalString);
        // Without the proxy's word, example.edu is another site: the redirect falls back to the hello page.
        Assert.Equal("/http/hello", untrusted.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_an_absolute_Location_names_the_public_address()
    {
        var response = await SendAsync(_behindTrustedProxy, Proxied("/http/created"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"https://{PublicHost}/http/note/json", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public void Loopback_proxies_are_trusted_unless_configuration_names_others()
    {
        var loopback = OptionsFrom([]);
        var configured = OptionsFrom(new()
        {
            ["ForwardedHeaders:KnownProxies:0"] = "192.0.2.1",
            ["ForwardedHeaders:KnownNetworks:0"] = "10.0.0.0/8",
        });

        Assert.Contains(loopback.KnownIPNetworks, network => network.Contains(IPAddress.Loopback));
        Assert.Contains(IPAddress.IPv6Loopback, loopback.KnownProxies);
        Assert.Equal([IPAddress.Parse("192.0.2.1")], configured.KnownProxies);
        Assert.Equal([System.Net.IPNetwork.Parse("10.0.0.0/8")], configured.KnownIPNetworks);
        Assert.Throws<InvalidOperationException>(() => OptionsFrom(new() { ["ForwardedHeaders:KnownProxies:0"] = "nginx" }));
    }

    [Fact]
    public void One_proxy_or_a_comma_separated_list_as_an_environment_variable_gives_them_is_trusted_instead_of_loopback()
    {
        var one = OptionsFrom(new() { ["ForwardedHeaders:KnownProxies"] = "10.0.0.5" });
        var several = OptionsFrom(new() { ["ForwardedHeaders:KnownProxies"] = "10.0.0.5, 10.0.0.6", ["ForwardedHeaders:KnownNetworks"] = "192.168.0.0/16" });

        Assert.Equal([IPAddress.Parse("10.0.0.5")], one.KnownProxies);
        Assert.Empty(one.KnownIPNetworks);
        Assert.Equal([IPAddress.Parse("10.0.0.5"), IPAddress.Parse("10.0.0.6")], several.KnownProxies);
        Assert.Equal([System.Net.IPNetwork.Parse("192.168.0.0/16")], several.KnownIPNetworks);
    }

    [Fact]
    public async Task A_proxy_that_is_not_an_address_stops_the_start_with_a_message_naming_the_setting()
    {
        var run = await SiteProcess.RunAsync(["--urls", "http://127.0.0.1:0", "--ForwardedHeaders:KnownProxies=10.0.0.5,nginx"]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("ForwardedHeaders:KnownProxies: 'nginx' is not an IP address", run.Output + run.Error);
    }

    private static ForwardedHeadersOptions OptionsFrom(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddHostingBehindProxy()
            .BuildServiceProvider()
            .GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
}
