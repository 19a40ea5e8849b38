using System.Net;
using System.Text.Json;
using HelloMvc.Tests.Infrastructure;
using HelloMvc.Web.TryIt;

namespace HelloMvc.Tests.TryIt;

/// <summary>What /progress answers as JSON, read back: each solved task's evidence, each near miss.</summary>
public sealed record ProgressSeen(
    IReadOnlyDictionary<string, (string Request, int Status, string Lesson)> Solved,
    IReadOnlyDictionary<string, (string Request, int Status, string Why)> NearMisses,
    int SolvedCount, int Total)
{
    public static ProgressSeen Parse(string json)
    {
        var root = JsonDocument.Parse(json).RootElement;
        return new ProgressSeen(
            root.GetProperty("solved").EnumerateArray().ToDictionary(solve => solve.GetProperty("task").GetString()!,
                solve => (solve.GetProperty("request").GetString()!, solve.GetProperty("status").GetInt32(), solve.GetProperty("lesson").GetString()!)),
            root.GetProperty("nearMisses").EnumerateArray().ToDictionary(miss => miss.GetProperty("task").GetString()!,
                miss => (miss.GetProperty("request").GetString()!, miss.GetProperty("status").GetInt32(), miss.GetProperty("why").GetString()!)),
            root.GetProperty("solvedCount").GetInt32(), root.GetProperty("total").GetInt32());
    }
}

/// <summary>
/// A learner's browser on the run's real socket: its own cookie jar, redirects shown rather than followed, and a
/// learner id from /progress before anything else (as a lesson page's script gets one).
/// </summary>
public sealed class LearnerBrowser : IDisposable
{
    private readonly CookieContainer _cookies = new();
    private readonly Uri _site;

    private LearnerBrowser(Uri site)
    {
        _site = site;
        Client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = _cookies, UseProxy = false })
            { BaseAddress = site };
    }

    public HttpClient Client { get; }

    /// <summary>The learner cookie's value, as the site set it.</summary>
    public string LearnerCookie => _cookies.GetCookies(_site)[Learners.CookieName]?.Value
        ?? throw new Xunit.Sdk.XunitException("This browser has no learner cookie");

    /// <summary>A browser that has opened /progress, and so holds a learner cookie.</summary>
    public static async Task<LearnerBrowser> StartAsync(KestrelSite site)
    {
        var browser = new LearnerBrowser(site.BaseAddress);
        await browser.ProgressAsync();
        return browser;
    }

    /// <summary>A browser without a learner cookie (that never asked /progress).</summary>
    public static LearnerBrowser WithoutLearner(KestrelSite site) => new(site.BaseAddress);

    public void SetCookie(string name, string value) => _cookies.Add(_site, new Cookie(name, value));

    public async Task<HttpResponseMessage> SendAsync(string method, string url, string? accept = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (accept is not null) request.Headers.TryAddWithoutValidation("Accept", accept);
        return await Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public Task<HttpResponseMessage> GetAsync(string url, string? accept = null) => SendAsync("GET", url, accept);

    public async Task<ProgressSeen> ProgressAsync()
    {
        var response = await GetAsync("/progress", "application/json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return ProgressSeen.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    public void Dispose() => Client.Dispose();
}
