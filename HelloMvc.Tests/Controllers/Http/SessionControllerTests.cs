using System.Net;
using HelloMvc.Tests.Infrastructure;

namespace HelloMvc.Tests.Controllers.Http;

/// <summary>On the wire (Kestrel writes the Set-Cookie headers); the https case runs in memory, which can pretend a scheme.</summary>
public class SessionControllerTests(KestrelSite site, SiteFactory inMemory)
{
    private const string SessionCookie = ".HelloMvc.Session";
    private readonly HttpClient _client = site.CreateWireClient();

    private Task<HttpResponseMessage> GetAsync(string url) => _client.GetAsync(url, TestContext.Current.CancellationToken);

    private static string SetCookie(HttpResponseMessage response, string name) =>
        Assert.Single(response.Headers.GetValues("Set-Cookie"), header => header.StartsWith(name + "=", StringComparison.Ordinal));

    [Fact]
    public async Task Set_stores_the_name_in_an_HttpOnly_Lax_cookie_and_redirects_to_hello()
    {
        var response = await GetAsync("/http/set/Grey");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/http/hello", response.Headers.Location?.OriginalString);
        var cookie = SetCookie(response, "name").Split("; ");
        Assert.Equal("name=Grey", cookie[0]);
        Assert.Contains("path=/", cookie);
        Assert.Contains("samesite=lax", cookie);
        Assert.Contains("httponly", cookie);
    }

    [Theory]
    [InlineData("Zoë")]
    [InlineData("a;b=c")]
    [InlineData("\"quoted\" 'name'")]
    [InlineData("AC/DC")]
    [InlineData("名前 + spaces")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("\u2028")]
    [InlineData("\t")]
    [InlineData(" ")]
    public async Task Any_name_round_trips_through_the_cookie_onto_the_hello_page_as_text(string name)
    {
        await GetAsync($"/http/set/{Uri.EscapeDataString(name)}");

        var page = await _client.GetPageAsync("/http/hello");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal($"Hello, {name}!", page.Text("main h1"));
        // The only scripts are the layout's own files: none came from the name.
        Assert.All(page.Document.Scripts, script => Assert.StartsWith("/js/", script.Source));
    }

    [Fact]
    public async Task Set_without_a_name_is_404()
    {
        var response = await GetAsync("/http/set/");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

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
    public async Task The_session_cookie_is_HttpOnly_and_Lax_and_not_Secure_over_plain_http()
    {
        var cookie = SetCookie(await GetAsync("/http/login"), SessionCookie).Split("; ");

        Assert.Contains("httponly", cookie);
        Assert.Contains("samesite=lax", cookie);
        Assert.DoesNotContain("secure", cookie);
    }

    [Fact]
    public async Task The_session_cookie_is_Secure_over_https()
    {
        var https = inMemory.CreateNoRedirectClient("https://localhost");

        var cookie = SetCookie(await https.GetAsync("/http/login", TestContext.Current.CancellationToken), SessionCookie).Split("; ");

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
        var real = SetCookie(await GetAsync("/http/login"), SessionCookie).Split("; ")[0][(SessionCookie.Length + 1)..];
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

    [Fact]
    public async Task Set_with_a_trailing_slash_sets_the_name_without_it()
    {
        var response = await GetAsync("/http/set/Grey/");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("name=Grey", SetCookie(response, "name").Split("; ")[0]);
    }
}
