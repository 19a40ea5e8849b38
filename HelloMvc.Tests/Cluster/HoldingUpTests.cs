using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace HelloMvc.Tests.Cluster;

/// <summary>
/// The cluster under what a security review throws at it: junk URLs, garbage cookies, a stalled Redis, a local user
/// reading Redis. Real processes: what Redis holds is read from Redis, what an instance logs from its own output.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class HoldingUpTests(ClusterFixture cluster) : IDisposable
{
    private const string SessionCookie = ".HelloMvc.Session";
    private readonly HttpClient _client = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, MaxConnectionsPerServer = 256 })
    {
        Timeout = TimeSpan.FromSeconds(20),
    };

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<HttpResponseMessage> GetAsync(Uri url, string? cookie = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (cookie is not null) request.Headers.TryAddWithoutValidation("Cookie", cookie);
        return await _client.SendAsync(request, Cancel);
    }

    [Fact]
    public async Task Redis_answers_no_command_without_the_password()
    {
        cluster.RequireServices();
        using var client = new TcpClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await client.ConnectAsync(IPAddress.Loopback, cluster.RedisPort, timeout.Token);
        await client.GetStream().WriteAsync("GET x\r\n"u8.ToArray(), timeout.Token);
        var buffer = new byte[128];
        var read = await client.GetStream().ReadAsync(buffer, timeout.Token);

        Assert.StartsWith("-NOAUTH", Encoding.ASCII.GetString(buffer, 0, read));
        Assert.Equal("noeviction", cluster.RedisServer.ConfigGet("maxmemory-policy").Single().Value);
        Assert.Equal(64L * 1024 * 1024, long.Parse(cluster.RedisServer.ConfigGet("maxmemory").Single().Value));
    }

    [Fact]
    public async Task The_key_ring_in_Redis_is_encrypted_with_the_certificate()
    {
        cluster.RequireServices();
        Assert.Equal(HttpStatusCode.Found, (await GetAsync(new Uri(cluster.Proxy, "http/login"))).StatusCode);

        var keys = await cluster.Redis.ListRangeAsync("HelloMvc:data-protection-keys");

        Assert.NotEmpty(keys);
        Assert.All(keys, key =>
        {
            Assert.Contains("EncryptedXmlDecryptor", key.ToString());
            Assert.Contains("<EncryptedKey", key.ToString());
            Assert.DoesNotContain("<masterKey", key.ToString());
        });
    }

    [Fact]
    public async Task Unique_junk_queries_leave_nothing_in_Redis()
    {
        cluster.RequireServices();
        var before = await cluster.RedisServer.DatabaseSizeAsync();

        var run = Guid.NewGuid().ToString("N");
        await Parallel.ForEachAsync(Enumerable.Range(0, 300), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = Cancel }, async (n, _) =>
        {
            using var response = await GetAsync(new Uri(cluster.Proxy, $"http/post?junk={run}{n}"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        });

        Assert.Equal(before, await cluster.RedisServer.DatabaseSizeAsync());
        Assert.Empty(cluster.RedisServer.Keys(pattern: "HelloMvc:output*"));
    }

    [Fact]
    public async Task A_burst_of_garbage_session_cookies_adds_at_most_a_line_or_two_to_the_log_and_no_stack_trace()
    {
        cluster.RequireServices();
        var instance = cluster.InstanceProcess(0);
        var linesBefore = instance.LinesWritten;

        for (var request = 0; request < 300; request++)
        {
            using var response = await GetAsync(new Uri(cluster.Instance(0), "http/hello"), $"{SessionCookie}=CfDJ8garbage");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // Only this burst's lines: earlier tests (a paused Redis) may have logged their own.
        var written = instance.LinesAfter(linesBefore);
        Assert.True(written.Count <= 2, $"{written.Count} lines for 300 garbage cookies\n{string.Join('\n', written)}");
        Assert.DoesNotContain(written, line => line.Contains("   at ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_Redis_paused_100_session_pages_at_once_answer_200_or_503_promptly_and_other_pages_do_not_wait()
    {
        cluster.RequireServices();
        var login = await GetAsync(new Uri(cluster.Proxy, "http/login"));
        var cookie = login.Headers.GetValues("Set-Cookie").Single(value => value.StartsWith(SessionCookie + "=", StringComparison.Ordinal)).Split(';')[0];
        // Each instance reads the index and the long post once, so the stall cannot be blamed on a first render.
        for (var index = 0; index < ClusterFixture.Instances; index++)
        {
            await GetAsync(cluster.Instance(index));
            await GetAsync(new Uri(cluster.Instance(index), "http/post"));
        }

        var sessionPages = new ConcurrentBag<(HttpStatusCode Status, TimeSpan Took)>();
        var otherPages = new ConcurrentBag<(HttpStatusCode Status, TimeSpan Took)>();
        cluster.PauseRedis();
        try
        {
            async Task TimeAsync(ConcurrentBag<(HttpStatusCode, TimeSpan)> into, Uri url, string? withCookie)
            {
                var clock = Stopwatch.StartNew();
                using var response = await GetAsync(url, withCookie);
                into.Add((response.StatusCode, clock.Elapsed));
            }
            var all = Enumerable.Range(0, 100).Select(n => TimeAsync(sessionPages, new Uri(cluster.Instance(n % 2), "http/admin"), cookie))
                .Concat(Enumerable.Range(0, 20).Select(n => TimeAsync(otherPages, new Uri(cluster.Instance(n % 2), n % 4 < 2 ? "" : "http/post"), null)));
            // Bounded, and generous against the contract's 2 s: this box is shared (browsers, builds), and the point is
            // that nothing waits for Redis to return.
            var finished = Task.WhenAll(all);
            if (await Task.WhenAny(finished, Task.Delay(TimeSpan.FromSeconds(30), Cancel)) != finished)
                Assert.Fail($"{sessionPages.Count} of 100 session pages and {otherPages.Count} of 20 others answered within 30 s with Redis paused\n{cluster.Diagnostics}");
            await finished;
        }
        finally
        {
            await cluster.ResumeRedisAsync();
        }

        Assert.Equal(100, sessionPages.Count);
        Assert.All(sessionPages, page => Assert.True(page.Status is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"{page.Status}"));
        Assert.All(otherPages, page => Assert.Equal(HttpStatusCode.OK, page.Status));
        var worst = sessionPages.Max(page => page.Took);
        Assert.True(worst < TimeSpan.FromSeconds(5), $"a session page took {worst.TotalMilliseconds:0} ms with Redis paused\n{cluster.Diagnostics}");
        var worstOther = otherPages.Max(page => page.Took);
        Assert.True(worstOther < TimeSpan.FromSeconds(2), $"a page without the session took {worstOther.TotalMilliseconds:0} ms with Redis paused");
    }

    public void Dispose() => _client.Dispose();
}
