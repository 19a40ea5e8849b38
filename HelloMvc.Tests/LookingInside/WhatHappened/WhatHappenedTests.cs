using System.Net;
using HelloMvc.Tests.Infrastructure;

namespace HelloMvc.Tests.LookingInside.WhatHappened;

/// <summary>"What just happened" on a real socket: the redirects that led to a page, carried in TempData's cookie.</summary>
public class WhatHappenedTests(KestrelSite site)
{
    private const string TempDataCookie = ".AspNetCore.Mvc.CookieTempDataProvider";

    // Follows the redirects one by one, as a browser does, keeping cookies; answers the page they end on.
    private async Task<(Page Page, List<HttpResponseMessage> Hops)> FollowAsync(HttpClient client, string url, string? referer = null)
    {
        var hops = new List<HttpResponseMessage>();
        for (var step = 0; step < 6; step++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.TryAddWithoutValidation("Accept", "text/html");
            if (referer is not null) request.Headers.Referrer = new Uri(site.BaseAddress, referer);
            var page = await client.ParseAsync(request);
            if ((int)page.Status is < 300 or >= 400) return (page, hops);
            hops.Add(page.Response);
            url = page.Response.Headers.Location!.OriginalString;
        }
        throw new InvalidOperationException($"More than five redirects from {url}");
    }

    private static IReadOnlyList<string[]> Shown(Page page) =>
        page.Document.QuerySelectorAll("#what-happened li.hop pre")
            .Select(pre => pre.TextContent.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToList();

    [Fact]
    public async Task Logging_in_lands_on_hello_showing_the_302_and_its_Location_then_a_reload_shows_none()
    {
        using var client = site.CreateWireClient();

        var (page, hops) = await FollowAsync(client, "/http/login");

        var hop = Assert.Single(hops);
        // The trail crosses the redirect in TempData's cookie, never in the URL.
        Assert.Equal("/http/hello", hop.Headers.Location!.OriginalString);
        Assert.Contains(hop.Headers.GetValues("Set-Cookie"), cookie => cookie.StartsWith(TempDataCookie + "="));
        Assert.Equal("[Authenticated]", page.Text("p.auth"));
        var shown = Assert.Single(Shown(page));
        Assert.Equal(["GET /http/login HTTP/1.1", "HTTP/1.1 302 Found", "Location: /http/hello"], shown.Take(3));
        Assert.Contains(TempDataCookie, page.Text("#what-happened .how-remembered"));
        Assert.Equal("/exchange?path=%2Fhttp%2Flogin", page.Document.QuerySelector("#what-happened a.exchange")?.GetAttribute("href"));
        // The page that showed it deletes the cookie, so it shows once.
        Assert.Contains(page.Response.Headers.GetValues("Set-Cookie"), cookie => cookie.StartsWith(TempDataCookie + "=;"));

        var reload = await client.GetPageAsync("/http/hello");
        Assert.Null(reload.Document.GetElementById("what-happened"));
    }

    [Fact]
    public async Task Logging_in_shows_the_session_cookie_the_302_sent_and_the_302_carries_one_TempData_cookie()
    {
        const string SessionCookie = ".HelloMvc.Session";
        using var client = site.CreateWireClient();

        var (page, hops) = await FollowAsync(client, "/http/login");

        // The session middleware adds its cookie as the response starts, after the record was written: it is there all the same.
        var sent = Assert.Single(hops).Headers.GetValues("Set-Cookie").ToList();
        var session = Assert.Single(sent, cookie => cookie.StartsWith(SessionCookie + "="));
        Assert.Single(sent, cookie => cookie.StartsWith(TempDataCookie + "="));
        var shown = Assert.Single(Shown(page));
        var line = Assert.Single(shown, header => header.StartsWith($"Set-Cookie: {SessionCookie}="));
        // The encrypted value elided to its start, the attributes as sent.
        var value = session[(SessionCookie.Length + 1)..session.IndexOf(';')];
        Assert.StartsWith($"Set-Cookie: {SessionCookie}={value[..12]}…;", line);
        Assert.EndsWith(session[session.IndexOf(';')..], line);
        Assert.DoesNotContain(shown, header => header.Contains(TempDataCookie));
        // The browser kept the session cookie: the page it landed on knows it logged in.
        Assert.Equal("[Authenticated]", page.Text("p.auth"));
    }

    [Fact]
    public async Task Setting_a_cookie_shows_the_Set_cookie_that_made_the_hop()
    {
        using var client = site.CreateWireClient();

        var (page, _) = await FollowAsync(client, "/http/set/Grey");

        Assert.Equal("Hello, Grey!", page.Text("main h1"));
        var shown = Assert.Single(Shown(page));
        Assert.Equal(["GET /http/set/Grey HTTP/1.1", "HTTP/1.1 302 Found", "Location: /http/hello",
            "Set-Cookie: name=Grey; path=/; samesite=lax; httponly"], shown);
    }

    [Fact]
    public async Task Redirects_in_a_row_accumulate_in_order()
    {
        using var client = site.CreateWireClient();

        var (page, hops) = await FollowAsync(client, "/http/do-something?next=/http/hi");

        Assert.Equal(2, hops.Count);
        var shown = Shown(page);
        Assert.Equal(["GET /http/do-something?next=/http/hi HTTP/1.1", "GET /http/hi HTTP/1.1"], shown.Select(hop => hop[0]));
        Assert.Equal(["Location: /http/hi", "Location: /http/hello"], shown.Select(hop => hop[2]));
    }

    [Fact]
    public async Task Do_something_from_Foo_comes_back_to_Foo_saying_so()
    {
        using var client = site.CreateWireClient();

        var (page, _) = await FollowAsync(client, "/http/do-something", referer: "/http/foo");

        Assert.Equal("Foo page", page.Text("main h1"));
        Assert.Equal(["GET /http/do-something HTTP/1.1", "HTTP/1.1 302 Found", "Location: /http/foo"], Assert.Single(Shown(page)));
    }

    [Theory]
    [InlineData("/http/hello")]
    [InlineData("/http/foo")]
    [InlineData("/")]
    public async Task A_page_reached_directly_shows_no_hops(string url)
    {
        using var client = site.CreateWireClient();

        var page = await client.GetPageAsync(url);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Null(page.Document.GetElementById("what-happened"));
    }

    [Theory]
    [InlineData("/http/hello")]
    [InlineData("/no/such/page")]
    [InlineData("/")]
    public async Task A_page_without_hops_leaves_TempData_alone_and_sets_no_cookie(string url)
    {
        using var client = site.CreateWireClient();

        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);

        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies), string.Join("; ", cookies ?? []));
    }

    [Fact]
    public async Task An_output_cached_page_still_shows_the_hop_that_led_to_it_and_is_not_cached_with_it()
    {
        using var client = site.CreateWireClient();
        // The index is in the output cache before the redirect lands on it.
        await client.GetPageAsync("/");

        var (page, _) = await FollowAsync(client, "/http/do-something?next=/");

        Assert.Equal(["GET /http/do-something?next=/ HTTP/1.1", "HTTP/1.1 302 Found", "Location: /"], Assert.Single(Shown(page)));
        Assert.False(page.Response.Headers.CacheControl?.Public ?? false);
        using var stranger = site.CreateWireClient();
        Assert.Null((await stranger.GetPageAsync("/")).Document.GetElementById("what-happened"));
    }

    [Fact]
    public async Task A_redirect_to_another_site_records_nothing()
    {
        using var client = site.CreateWireClient();

        using var response = await client.GetAsync("/http/redirect", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out _));
    }
}
