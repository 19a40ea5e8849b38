using System.Net;
using System.Security.Cryptography;
using HelloMvc.Tests.Infrastructure;
using HelloMvc.Web.TryIt;
using HelloMvc.Web.TryIt.Progress;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HelloMvc.Tests.TryIt;

/// <summary>
/// Junk traffic writes nothing: a flood of requests to the tasks' paths, with random learner cookies or none, adds no
/// learner to the store. In memory (the count is the store's, not anything a client sees), on a site of its own so that
/// no other test's learners are counted.
/// </summary>
public sealed class JunkTests : IDisposable
{
    private const int Flood = 10_000;

    // Its own site, quiet: the teardown hook's line per request is not what this test counts.
    private readonly WebApplicationFactory<Program> _site = new SiteFactory().WithWebHostBuilder(builder =>
        builder.ConfigureLogging(logging => logging.AddFilter("Microsoft.AspNetCore.HttpLogging", LogLevel.Warning)));

    // Paths that tasks watch, answered cheaply (no view, no redirect): each would be a solve or a near miss for a real learner.
    private static readonly (HttpMethod Method, string Path)[] Targets =
    [
        (HttpMethod.Delete, "/http/post/delete/1"),
        (HttpMethod.Get, "/http/note/json"),
    ];

    private MemoryProgressStore Store => Assert.IsType<MemoryProgressStore>(_site.Services.GetRequiredService<IProgressStore>());

    [Fact]
    public async Task Ten_thousand_requests_with_random_learner_cookies_and_ten_thousand_without_add_no_learner()
    {
        var client = _site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        await Parallel.ForAsync(0, 2 * Flood, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = TestContext.Current.CancellationToken },
            async (n, cancel) =>
            {
                var (method, path) = Targets[n % Targets.Length];
                using var request = new HttpRequestMessage(method, path);
                if (n % 2 == 0)
                {
                    // Junk in every shape: random bytes as base64url, and random text that only looks like a protected value.
                    var junk = n % 4 == 0 ? Convert.ToBase64String(RandomNumberGenerator.GetBytes(90)).Replace('+', '-').Replace('/', '_').TrimEnd('=')
                        : "CfDJ8" + Convert.ToHexString(RandomNumberGenerator.GetBytes(40));
                    request.Headers.TryAddWithoutValidation("Cookie", $"{Learners.CookieName}={junk}");
                }
                using var response = await client.SendAsync(request, cancel);
                Assert.True((int)response.StatusCode < 500, $"{method} {path}: {(int)response.StatusCode}");
            });

        Assert.Equal(0, Store.Count);

        // The count counts: one real learner's one request adds exactly one.
        var progress = await client.GetAsync("/progress", TestContext.Current.CancellationToken);
        var cookie = progress.Headers.GetValues("Set-Cookie").Single(header => header.StartsWith(Learners.CookieName)).Split(';')[0];
        using var real = new HttpRequestMessage(HttpMethod.Delete, "/http/post/delete/1");
        real.Headers.TryAddWithoutValidation("Cookie", cookie);
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(real, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(1, Store.Count);
    }

    public void Dispose() => _site.Dispose();
}
