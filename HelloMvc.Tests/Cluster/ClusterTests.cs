using System.Diagnostics;
using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using HelloMvc.Web.LookingInside.Catalog;

namespace HelloMvc.Tests.Cluster;

/// <summary>
/// Two instances behind nginx under /hellomvc, sharing Redis: one login for both, nothing lost on a restart,
/// a clear 503 while Redis is down, and back to normal when it returns. Each test leaves the cluster running.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterTests : IDisposable
{
    private const string SessionCookie = ".HelloMvc.Session";
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(2);
    private static readonly HtmlParser Parser = new();

    private readonly ClusterFixture _cluster;
    // Cookies are carried by hand: the https-saying proxy makes them Secure, and this client speaks plain http. The
    // timeout is only a bound (the contract's 2 s are timed by each test); the machine is shared with browsers and builds.
    private readonly HttpClient _client = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { Timeout = TimeSpan.FromSeconds(30) };

    public ClusterTests(ClusterFixture cluster) => _cluster = cluster;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<HttpResponseMessage> GetAsync(Uri url, string? cookie = null, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        if (accept is not null) request.Headers.Add("Accept", accept);
        return await _client.SendAsync(request, Cancel);
    }

    private static string? SetCookie(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.FirstOrDefault(cookie => cookie.StartsWith(name + "=", StringComparison.Ordinal))
            : null;

    /// <summary>Logs in through nginx and answers the session cookie as a Cookie header value.</summary>
    private async Task<string> LogInThroughNginxAsync()
    {
        var login = await GetAsync(new Uri(_cluster.Proxy, "http/login"));
        Assert.Equal(HttpStatusCode.Found, login.StatusCode);
        var cookie = SetCookie(login, SessionCookie) ?? throw new Xunit.Sdk.XunitException($"No {SessionCookie} cookie from /http/login");
        return cookie.Split(';')[0];
    }

    private async Task AssertLoggedInOnEveryInstanceAsync(string cookie, string when)
    {
        for (var index = 0; index < ClusterFixture.Instances; index++)
        {
            var admin = await GetAsync(new Uri(_cluster.Instance(index), "http/admin"), cookie);
            Assert.True(admin.StatusCode == HttpStatusCode.OK, $"{when}: /http/admin on instance {index + 1} answered {(int)admin.StatusCode}\n{_cluster.Diagnostics}");
            Assert.Contains("Welcome to admin page.", await admin.Content.ReadAsStringAsync(Cancel));
        }
    }

    private static bool UnderPathBase(Uri url) =>
        url.AbsolutePath == ClusterFixture.PathBase || url.AbsolutePath.StartsWith(ClusterFixture.PathBase + "/", StringComparison.Ordinal);

    [Fact]
    public async Task Every_index_link_answers_through_nginx_under_the_path_base_and_none_leaves_it()
    {
        _cluster.RequireServices();
        var index = await GetAsync(_cluster.Proxy);
        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        var document = await Parser.ParseDocumentAsync(await index.Content.ReadAsStringAsync(Cancel), Cancel);
        var demos = DemoCatalog.Chapters.SelectMany(chapter => chapter.Sections).SelectMany(section => section.Demos)
            .ToDictionary(demo => ClusterFixture.PathBase + demo.Path, demo => demo.Status);
        var links = document.QuerySelectorAll("a[href], link[href], script[src]")
            .Select(element => element.GetAttribute("href") ?? element.GetAttribute("src")!)
            .Distinct()
            .ToList();
        Assert.True(links.Count > demos.Count, $"only {links.Count} links on the index");

        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        // A few at a time: each demo's exchange link makes the site send a request to itself too.
        await Parallel.ForEachAsync(links, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = Cancel }, async (link, _) =>
        {
            var url = new Uri(_cluster.Proxy, link);
            if (url.Authority != _cluster.Proxy.Authority || !UnderPathBase(url))
            {
                failures.Add($"{link} leaves {_cluster.Proxy}");
                return;
            }
            using var response = await GetAsync(url);
            var expected = demos.TryGetValue(url.PathAndQuery, out var status) ? status : (int)HttpStatusCode.OK;
            if ((int)response.StatusCode != expected)
                failures.Add($"{link}: {(int)response.StatusCode}, expected {expected}");
            // A redirect stays under the path base, except the demo whose point is an external redirect.
            if (response.Headers.Location is { } location && !link.EndsWith("/http/redirect", StringComparison.Ordinal)
                && !UnderPathBase(new Uri(url, location)))
                failures.Add($"{link} redirects to {location}");
        });
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task A_login_through_nginx_is_a_login_on_each_instance_directly()
    {
        _cluster.RequireServices();
        var cookie = await LogInThroughNginxAsync();

        var hello = await GetAsync(new Uri(_cluster.Proxy, "http/hello"), cookie);
        Assert.Contains("[Authenticated]", await hello.Content.ReadAsStringAsync(Cancel));
        await AssertLoggedInOnEveryInstanceAsync(cookie, "after logging in through nginx");
    }

    [Fact]
    public async Task The_session_cookie_is_Secure_behind_the_proxy_that_says_https()
    {
        _cluster.RequireServices();
        var login = await GetAsync(new Uri(_cluster.Proxy, "http/login"));

        var cookie = SetCookie(login, SessionCookie)!.Split("; ");
        Assert.Contains("secure", cookie);
        Assert.Contains("httponly", cookie);
        Assert.Contains("samesite=lax", cookie);
    }

    [Fact]
    public async Task A_task_solved_on_one_instance_shows_in_progress_served_by_the_other()
    {
        _cluster.RequireServices();
        var given = await GetAsync(new Uri(_cluster.Instance(0), "progress"), accept: "application/json");
        var learner = (SetCookie(given, ".HelloMvc.Learner") ?? throw new Xunit.Sdk.XunitException("No learner cookie from /progress")).Split(';')[0];

        using var put = new HttpRequestMessage(HttpMethod.Put, new Uri(_cluster.Instance(0), "http/methods"));
        put.Headers.Add("Cookie", learner);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await _client.SendAsync(put, Cancel)).StatusCode);

        var progress = await GetAsync(new Uri(_cluster.Instance(1), "progress"), learner, "application/json");
        using var json = JsonDocument.Parse(await progress.Content.ReadAsStringAsync(Cancel));
        var solve = Assert.Single(json.RootElement.GetProperty("solved").EnumerateArray());
        Assert.Equal("methods-405", solve.GetProperty("task").GetString());
        Assert.Equal("PUT /http/methods", solve.GetProperty("request").GetString());
        // One hash per learner in Redis, a field per task, with the 30-day expiry.
        var keys = _cluster.RedisServer.Keys(pattern: "HelloMvc:progress:*").ToList();
        Assert.NotEmpty(keys);
        Assert.All(keys, key => Assert.InRange(_cluster.Redis.KeyTimeToLive(key)!.Value, TimeSpan.FromDays(29), TimeSpan.FromDays(30)));
    }

    [Fact]
    public async Task An_antiforgery_token_issued_by_one_instance_is_accepted_by_the_other()
    {
        _cluster.RequireServices();
        var methods = new Uri(_cluster.Instance(0), "http/methods");
        var form = await GetAsync(methods);
        var antiforgeryCookie = string.Join("; ", form.Headers.GetValues("Set-Cookie").Select(cookie => cookie.Split(';')[0]));
        var document = await Parser.ParseDocumentAsync(await form.Content.ReadAsStringAsync(Cancel), Cancel);
        var token = document.QuerySelector("form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri(_cluster.Instance(1), "http/methods"))
        {
            Content = new FormUrlEncodedContent([KeyValuePair.Create("__RequestVerificationToken", token)]),
        };
        post.Headers.Add("Cookie", antiforgeryCookie);
        var answer = await _client.SendAsync(post, Cancel);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("You sent POST", await answer.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task A_login_survives_restarting_both_instances_and_a_Redis_outage_that_answers_503_meanwhile()
    {
        _cluster.RequireServices();
        // 1. Log in through nginx.
        var cookie = await LogInThroughNginxAsync();

        // 2. Both instances killed and started again: the session and the keys were in Redis all along.
        await _cluster.RestartInstancesAsync();
        await AssertLoggedInOnEveryInstanceAsync(cookie, "after restarting both instances");

        // 3. Redis killed: pages without the session answer as usual, session pages 503 within 2 s.
        _cluster.StopRedis();
        try
        {
            var clock = Stopwatch.StartNew();
            var index = await GetAsync(_cluster.Proxy);
            Assert.Equal(HttpStatusCode.OK, index.StatusCode);
            Assert.True(clock.Elapsed < Bound, $"the index took {clock.Elapsed.TotalMilliseconds:0} ms with Redis down");

            for (var instance = 0; instance < ClusterFixture.Instances; instance++)
            {
                clock.Restart();
                var admin = await GetAsync(new Uri(_cluster.Instance(instance), "http/admin"), cookie);
                clock.Stop();
                Assert.Equal(HttpStatusCode.ServiceUnavailable, admin.StatusCode);
                Assert.True(clock.Elapsed < Bound, $"/http/admin took {clock.Elapsed.TotalMilliseconds:0} ms on instance {instance + 1} with Redis down");
                Assert.NotNull(admin.Headers.RetryAfter);
                var page = await Parser.ParseDocumentAsync(await admin.Content.ReadAsStringAsync(Cancel), Cancel);
                Assert.Equal("503 Service Unavailable", page.QuerySelector("main h1")?.TextContent.Trim());

                var ready = await GetAsync(new Uri(_cluster.Instance(instance), "healthz/ready"));
                var live = await GetAsync(new Uri(_cluster.Instance(instance), "healthz"));
                Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
                Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            }

            var json = await GetAsync(new Uri(_cluster.Proxy, "http/admin"), cookie, accept: "application/json");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, json.StatusCode);
            Assert.Equal("application/problem+json", json.Content.Headers.ContentType?.MediaType);
            Assert.NotNull(json.Headers.RetryAfter);
            using var problem = JsonDocument.Parse(await json.Content.ReadAsStringAsync(Cancel));
            Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
        }
        finally
        {
            // 4. Redis back on the same append-only file; the instances reconnect by themselves.
            await _cluster.RestartRedisAsync();
        }
        await AssertLoggedInOnEveryInstanceAsync(cookie, "after Redis came back");
    }

    public void Dispose() => _client.Dispose();
}
