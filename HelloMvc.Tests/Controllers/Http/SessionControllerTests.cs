using System.Net;
using HelloMvc.Tests.Infrastructure;

namespace HelloMvc.Tests.Controllers.Http;

/// <summary>On the wire (Kestrel writes the Set-Cookie headers); the https case runs in memory, which can pretend a scheme.</summary>
public class SessionControllerTests(KestrelSite site, SiteFactory inMemory)
{
    private const string SessionCookie = ".HelloMvc.Session";
    private readonly HttpClient _client = site.CreateWireClient();

    private Task<HttpResponseMessage> GetAsync(string url) => _client.GetAsync(url, TestContext.Current.CancellationToken);

    [Fact]
    public async Task Login_admin_and_logout_follow_the_session()
    {
        Assert.Equal("[Not Authenticated]", (await _client.GetPageAsync("/http/hello")).Text("p.auth"));
        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync("/http/admin")).StatusCode);

        var login = await GetAsync("/http/login");
        Assert.Equal(HttpStatusCode.Found, login.StatusCode);
        Assert.Equal("/http/hello", login.Headers.Location?.OriginalString);
        Assert.Equal("[Authenticated]", (await _client.GetPageAsync("/http/hello")).Text("p.auth"));
        var admin = await _client.GetPageAsync("/http/admin");
        Assert.Equal(HttpStatusCode.OK, admin.Status);
        Assert.Equal("Welcome to admin page.", admin.Text("main h1"));

        var logout = await GetAsync("/http/logout");
        Assert.Equal(HttpStatusCode.Found, logout.StatusCode);
        Assert.Equal("/http/hello", logout.Headers.Location?.OriginalString);
        Assert.Equal("[Not Authenticated]", (await _client.GetPageAsync("/http/hello")).Text("p.auth"));
        var refused = await _client.GetPageAsync("/http/admin");
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal("403 Forbidden", refused.Text("main h1"));
    }

    [Fact]
    public async Task Logout_expires_the_session_cookie_and_the_next_login_starts_a_new_session_id()
    {
        var browser = site.CreateWireClient();
        var first = (await browser.GetAsync("/http/login", TestContext.Current.CancellationToken)).SetCookie(SessionCookie).Split("; ")[0];

        var logout = await browser.GetAsync("/http/logout", TestContext.Current.CancellationToken);
        var expired = logout.SetCookie(SessionCookie).Split("; ");
        Assert.Equal($"{SessionCookie}=", expired[0]);
        Assert.Contains("expires=Thu, 01 Jan 1970 00:00:00 GMT", expired);
        Assert.Contains("path=/", expired);

        // The same browser (its cookie jar) logs in again: a new id, since the old cookie is gone.
        var second = (await browser.GetAsync("/http/login", TestContext.Current.CancellationToken)).SetCookie(SessionCookie).Split("; ")[0];
        Assert.NotEqual(first, second);

        // Whoever kept the old cookie is not logged in with it: its session was emptied on the server.
        var replay = new HttpRequestMessage(HttpMethod.Get, "/http/admin");
        replay.Headers.TryAddWithoutValidation("Cookie", first);
        Assert.Equal(HttpStatusCode.Forbidden, (await site.CreateWireClient(handleCookies: false).SendAsync(replay, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Pages_with_the_session_are_not_for_keeping()
    {
        foreach (var url in new[] { "/http/hello", "/http/admin", "/http/login", "/http/context" })
        {
            var response = await GetAsync(url);
            Assert.True(response.Headers.CacheControl?.NoStore == true, $"{url}: Cache-Control {response.Headers.CacheControl}");
        }
    }

    [Fact]
    public async Task The_session_cookie_is_HttpOnly_and_Lax_and_not_Secure_over_plain_http()
    {
        var cookie = (await GetAsync("/http/login")).SetCookie(SessionCookie).Split("; ");

        Assert.Contains("httponly", cookie);
        Assert.Contains("samesite=lax", cookie);
        Assert.DoesNotContain("secure", cookie);
    }

    [Fact]
    public async Task The_session_cookie_is_Secure_over_https()
    {
        var https = inMemory.CreateNoRedirectClient("https://localhost");

        var cookie = (await https.GetAsync("/http/login", TestContext.Current.CancellationToken)).SetCookie(SessionCookie).Split("; ");

        Assert.Contains("secure", cookie);
        Assert.Contains("httponly", cookie);
    }

    public static TheoryData<string> ForgedSessionCookies => new()
    {
        { "tampered" },
        { "truncated" },
        { "random" },
        { "four-kilobytes" },
        { "empty" },
    };

    [Theory]
    [MemberData(nameof(ForgedSessionCookies))]
    public async Task A_forged_session_cookie_is_simply_not_authenticated(string forgery)
    {
        var real = (await GetAsync("/http/login")).SetCookie(SessionCookie).Split("; ")[0][(SessionCookie.Length + 1)..];
        var value = forgery switch
        {
            "tampered" => real[..10] + (real[10] == 'A' ? 'B' : 'A') + real[11..],
            "truncated" => real[..(real.Length / 2)],
            "random" => Convert.ToBase64String(Guid.NewGuid().ToByteArray()),
            "four-kilobytes" => new string('Q', 4096),
            _ => "",
        };
        var stranger = site.CreateWireClient();

        foreach (var (url, status, auth) in new[] { ("/http/hello", HttpStatusCode.OK, "[Not Authenticated]"), ("/http/admin", HttpStatusCode.Forbidden, null) })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.TryAddWithoutValidation("Cookie", $"{SessionCookie}={value}");
            var page = await stranger.ParseAsync(request);
            Assert.Equal(status, page.Status);
            if (auth is not null) Assert.Equal(auth, page.Text("p.auth"));
        }
    }
}
