using System.Net;
using HelloMvc.Tests.Infrastructure;

namespace HelloMvc.Tests.Controllers;

// needs chapter 2 merged: these look at chapter 2's demos (/http/...) through the exchange viewer.
[Trait("Needs", "chapter 2 merged")]
public class ExchangeControllerChapter2Tests(SiteFactory site)
{
    private readonly HttpClient _client = site.CreateNoRedirectClient();

    [Fact]
    public async Task Exchange_of_hi_shows_the_302_and_its_location_without_following_it()
    {
        var page = await _client.GetPageAsync("/exchange?path=/http/hi");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var response = page.Lines("pre#response");
        Assert.Equal("HTTP/1.1 302 Found", response[0]);
        Assert.Contains("Location: /http/hello", response);
        Assert.Equal("/exchange?path=%2Fhttp%2Fhello", page.Document.QuerySelector("a.next")?.GetAttribute("href"));
    }

    [Fact]
    public async Task Exchange_of_set_shows_the_set_cookie_header()
    {
        var page = await _client.GetPageAsync("/exchange?path=/http/set/Grey");

        var response = page.Lines("pre#response");
        Assert.Equal("HTTP/1.1 302 Found", response[0]);
        Assert.Contains(response, line => line.StartsWith("Set-Cookie: name=Grey;", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Exchange_of_brew_coffee_shows_the_418_status_line()
    {
        var page = await _client.GetPageAsync("/exchange?path=/http/brew/coffee");

        Assert.Equal("HTTP/1.1 418 I'm a teapot", page.Lines("pre#response")[0]);
    }

    [Fact]
    public async Task Exchange_carries_the_learners_session_so_it_shows_their_login()
    {
        // This client keeps cookies, as a browser does.
        var client = site.CreateNoRedirectClient();
        var before = await client.GetPageAsync("/exchange?path=/http/hello");
        Assert.Contains("[Not Authenticated]", before.Text("pre#response"));

        await client.GetAsync("/http/login", TestContext.Current.CancellationToken);
        var after = await client.GetPageAsync("/exchange?path=/http/hello");

        Assert.Contains(after.Lines("pre#request"), line => line.StartsWith("Cookie: ", StringComparison.Ordinal));
        Assert.Contains("[Authenticated]", after.Text("pre#response"));
        Assert.DoesNotContain("[Not Authenticated]", after.Text("pre#response"));
    }
}
