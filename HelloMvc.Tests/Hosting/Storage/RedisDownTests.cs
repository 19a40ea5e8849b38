using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using HelloMvc.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace HelloMvc.Tests.Hosting.Storage;

/// <summary>The site configured with a Redis that is not there: a loopback port nothing listens on.</summary>
public sealed class SiteWithRedisDown : SiteFactory
{
    public static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ConnectionStrings:Redis", $"127.0.0.1:{ClosedPort()}");
    }
}

public class RedisDownTests(SiteWithRedisDown site) : IClassFixture<SiteWithRedisDown>
{
    // The contract: a session page that cannot have its session answers within 2 s, never hangs.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(2);

    private readonly HttpClient _client = site.CreateNoRedirectClient();

    [Theory]
    [InlineData("/http/hello")]
    [InlineData("/http/login")]
    [InlineData("/http/admin")]
    [InlineData("/http/logout")]
    [InlineData("/http/context")]
    [InlineData("/progress")]
    public async Task A_page_that_uses_the_session_answers_503_with_Retry_After_on_the_error_page_within_2_s(string url)
    {
        var clock = Stopwatch.StartNew();
        var page = await _client.GetPageAsync(url);
        clock.Stop();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.Status);
        Assert.Equal(TimeSpan.FromSeconds(5), page.Response.Headers.RetryAfter?.Delta);
        Assert.Equal("503 Service Unavailable", page.Text("main h1"));
        Assert.True(clock.Elapsed < Bound, $"{url} took {clock.Elapsed.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task A_client_that_asks_for_JSON_gets_the_503_as_problem_json()
    {
        var page = await _client.GetPageAsync("/http/admin", accept: "application/json");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.Status);
        Assert.Equal("application/problem+json", page.MediaType);
        Assert.NotNull(page.Response.Headers.RetryAfter);
        using var problem = JsonDocument.Parse(await page.Response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_page_with_an_antiforgery_token_answers_503_when_the_key_ring_was_never_readable()
    {
        // This site started with Redis down, so it never read the key ring that signs antiforgery tokens.
        var page = await _client.GetPageAsync("/http/methods");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.Status);
        Assert.NotNull(page.Response.Headers.RetryAfter);
        Assert.Equal("503 Service Unavailable", page.Text("main h1"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/routes")]
    [InlineData("/http/more?page=2")]
    [InlineData("/http/post")]
    [InlineData("/hello")]
    [InlineData("/http/goback/10")]
    public async Task Pages_without_the_session_answer_as_usual_the_output_cached_ones_included(string url)
    {
        var first = await _client.GetAsync(url, TestContext.Current.CancellationToken);
        var again = await _client.GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Theory]
    [InlineData("/http/set/Grey", HttpStatusCode.Found)]
    [InlineData("/http/cookie/set?name=brief&maxAge=10", HttpStatusCode.Found)]
    [InlineData("/http/cookie", HttpStatusCode.OK)]
    [InlineData("/http/hooks", HttpStatusCode.OK)]
    public async Task Cookie_pages_keep_nothing_in_the_session_and_answer_as_usual(string url, HttpStatusCode status)
    {
        var response = await _client.GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(status, response.StatusCode);
    }

    [Fact]
    public async Task Liveness_stays_Healthy_and_readiness_is_Unhealthy_503()
    {
        var live = await _client.GetAsync("/healthz", TestContext.Current.CancellationToken);
        var ready = await _client.GetAsync("/healthz/ready", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.True(ready.Headers.CacheControl?.NoStore);
    }
}
