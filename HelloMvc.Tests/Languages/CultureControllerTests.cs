using System.Net;
using System.Text.Json;
using HelloMvc.Tests.Controllers.Http;
using HelloMvc.Tests.Infrastructure;

namespace HelloMvc.Tests.Languages;

/// <summary>The language switch: a form on every page, posting with this browser's token to /culture.</summary>
public class CultureControllerTests(KestrelSite site)
{
    private readonly HttpClient _client = site.CreateWireClient();

    /// <summary>This site as a Referer names it: the socket's host and port.</summary>
    private string Here => $"http://{site.BaseAddress.Authority}";

    /// <summary>What the switch's script does: asks /culture/token for this browser's token, then posts the form.</summary>
    private async Task<HttpResponseMessage> SwitchAsync(string culture, string? next, string? referer = null, bool withToken = true)
    {
        var fields = new List<KeyValuePair<string, string>> { new("culture", culture) };
        if (next is not null) fields.Add(new("next", next));
        if (withToken)
        {
            var tokens = JsonDocument.Parse(await _client.GetStringAsync("/culture/token", TestContext.Current.CancellationToken)).RootElement;
            fields.Add(new(tokens.GetProperty("field").GetString()!, tokens.GetProperty("token").GetString()!));
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, "/culture") { Content = new FormUrlEncodedContent(fields) };
        if (referer is not null) request.Headers.TryAddWithoutValidation("Referer", referer);
        return await _client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Every_page_carries_the_switch_posting_to_culture_with_the_page_as_next()
    {
        var page = await _client.GetPageInAsync("/http/methods?name=Grey", "en");

        // Its buttons in the header, its form after the page's own (so that a page's own form is still its first).
        var buttons = page.Document.QuerySelectorAll("header .language-switch button[name=culture]");
        Assert.Equal(["en", "zh-Hans"], buttons.Select(button => button.GetAttribute("value")!));
        Assert.All(buttons, button => Assert.Equal("language-switch", button.GetAttribute("form")));
        Assert.Equal("English / 中文", string.Join(" ", page.Document.QuerySelector("header .language-switch")!.TextContent
            .Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)));
        var form = page.Document.GetElementById("language-switch")!;
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal("/culture", form.GetAttribute("action"));
        Assert.Equal("/http/methods?name=Grey", form.QuerySelector("input[name=next]")!.GetAttribute("value"));
        Assert.Equal("main", page.Document.QuerySelector("form")!.ParentElement!.Closest("main")?.LocalName);
    }

    [Fact]
    public async Task Switching_sets_the_culture_cookie_for_a_year_and_returns_to_the_same_page()
    {
        var response = await SwitchAsync("zh-Hans", "/http/hello?name=Grey");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/http/hello?name=Grey", response.Headers.Location?.OriginalString);
        var cookie = response.SetCookie(".AspNetCore.Culture");
        Assert.StartsWith(".AspNetCore.Culture=c%3Dzh-Hans%7Cuic%3Dzh-Hans;", cookie);
        // A year on the site's clock.
        Assert.Contains($"expires={site.Clock.GetUtcNow().AddDays(365):R}", cookie);
        Assert.Contains("path=/", cookie);
        Assert.Contains("httponly", cookie);

        var back = await _client.GetPageAsync("/http/hello?name=Grey");
        back.AssertSpeaks("zh-Hans");
        Assert.Equal("Hello, Grey!", back.Text("main h1"));

        await SwitchAsync("en", "/http/hello");
        (await _client.GetPageAsync("/http/hello")).AssertSpeaks("en");
    }

    [Fact]
    public async Task Without_the_token_the_switch_is_refused_with_400_and_sets_nothing()
    {
        var response = await SwitchAsync("zh-Hans", "/http/hello", withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(".AspNetCore.Culture")));
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("")]
    [InlineData("zh-Hant")]
    public async Task A_language_the_site_does_not_speak_is_refused_with_400(string culture)
    {
        var response = await SwitchAsync(culture, "/http/hello");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(RedirectBackControllerTests.UnsafeTargets), MemberType = typeof(RedirectBackControllerTests))]
    public async Task An_unsafe_next_never_leaves_the_site(string next)
    {
        var response = await SwitchAsync("zh-Hans", next);

        AssertStaysOnThisSite(response);
    }

    [Theory]
    [MemberData(nameof(RedirectBackControllerTests.UnsafeReferers), MemberType = typeof(RedirectBackControllerTests))]
    public async Task Without_next_an_unsafe_Referer_never_leaves_the_site(string referer)
    {
        var response = await SwitchAsync("zh-Hans", next: null, referer: referer);

        AssertStaysOnThisSite(response);
    }

    /// <summary>Where a browser would go with this Location: this host, by a path the site serves (as the redirect-back tests check).</summary>
    private void AssertStaysOnThisSite(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var location = response.Headers.Location?.OriginalString;
        Assert.NotNull(location);
        Assert.StartsWith("/", location);
        Assert.Equal(site.BaseAddress.GetLeftPart(UriPartial.Authority), new Uri(site.BaseAddress, location).GetLeftPart(UriPartial.Authority));
    }

    [Fact]
    public async Task Without_next_a_Referer_of_this_site_is_where_it_goes_back()
    {
        var response = await SwitchAsync("zh-Hans", next: null, referer: $"{Here}/http/colors/blue?x=1");

        Assert.Equal("/http/colors/blue?x=1", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_token_comes_with_no_store_so_no_cache_shares_it()
    {
        var response = await _client.GetAsync("/culture/token", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
    }
}
