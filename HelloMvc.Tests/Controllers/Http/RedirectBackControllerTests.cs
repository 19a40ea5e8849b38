using System.Net;
using HelloMvc.Tests.Infrastructure;

namespace HelloMvc.Tests.Controllers.Http;

/// <summary>On the wire: Kestrel refuses a Location that is not ASCII, which the in-memory host would let through.</summary>
public class RedirectBackControllerTests(KestrelSite site)
{
    private readonly HttpClient _client = site.CreateWireClient();

    /// <summary>This site as a Referer names it: the socket's host and port.</summary>
    private string Here => $"http://{site.BaseAddress.Authority}";

    private async Task<string?> LocationAfterAsync(string url, string? referer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (referer is not null) request.Headers.TryAddWithoutValidation("Referer", referer);
        var response = await _client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        return response.Headers.Location?.OriginalString;
    }

    /// <summary>
    /// Where a browser would go with this Location: it must be this host, by a path the site serves.
    /// (A Location like /%5Cevil.example is fine: it is a path on this host, which browsers never decode.)
    /// </summary>
    private void AssertStaysOnThisHost(string? location)
    {
        Assert.NotNull(location);
        Assert.StartsWith("/", location);
        var resolved = new Uri(site.BaseAddress, location);
        Assert.Equal(site.BaseAddress.GetLeftPart(UriPartial.Authority), resolved.GetLeftPart(UriPartial.Authority));
    }

    /// <summary>Every unsafe target shape (another host, another scheme, //, /\, \\, control-character tricks), each also with a leading space, tab and newline.</summary>
    public static TheoryData<string> UnsafeTargets() => Variants(withControlCharacters: true);

    /// <summary>The same, less what no HTTP client can put in a header (control characters).</summary>
    public static TheoryData<string> UnsafeReferers() => Variants(withControlCharacters: false);

    private static TheoryData<string> Variants(bool withControlCharacters)
    {
        string[] targets =
        [
            "//evil.example", "///evil.example", "/\\evil.example", "\\\\evil.example", "/%5Cevil.example",
            "%2F%2Fevil.example", "https://evil.example/x", "http:evil.example", "javascript:alert(1)",
            "data:text/html,x", "http://127.0.0.1.evil.example/", "http://localhost:8080/http/foo",
            "https://localhost/http/foo", "http://localhost@evil.example/", "/\t/evil.example", "/\r\n/evil.example",
        ];
        var data = new TheoryData<string>();
        foreach (var target in targets)
        {
            foreach (var variant in new[] { target, " " + target, "\t" + target, "\n" + target })
            {
                if (withControlCharacters || !variant.Any(char.IsControl)) data.Add(variant);
            }
        }
        return data;
    }

    [Theory]
    [InlineData("/http/foo", "Foo page")]
    [InlineData("/http/bar", "Bar page")]
    public async Task Each_page_links_to_do_something_with_its_own_path_as_next(string url, string heading)
    {
        var page = await _client.GetPageAsync(url + "?x=1");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(heading, page.Text("main h1"));
        var link = page.Document.GetElementById("do-something")!;
        Assert.Equal("Do something and redirect", link.TextContent.Trim());
        Assert.Equal($"/http/do-something?next={Uri.EscapeDataString(url + "?x=1")}", link.GetAttribute("href"));
    }

    [Theory]
    [InlineData("/http/foo")]
    [InlineData("/http/bar")]
    public async Task Following_the_link_comes_back_to_the_page(string url)
    {
        var page = await _client.GetPageAsync(url + "?x=1");

        var location = await LocationAfterAsync(page.Document.GetElementById("do-something")!.GetAttribute("href")!);

        Assert.Equal(url + "?x=1", location);
    }

    [Fact]
    public async Task Without_next_or_referer_it_falls_back_to_hello()
    {
        Assert.Equal("/http/hello", await LocationAfterAsync("/http/do-something"));
    }

    [Fact]
    public async Task Without_next_it_goes_back_to_a_same_origin_referer_path()
    {
        Assert.Equal("/http/bar?x=1", await LocationAfterAsync("/http/do-something", referer: $"{Here}/http/bar?x=1"));
    }

    [Fact]
    public async Task A_same_host_absolute_next_is_followed_as_its_path()
    {
        var next = Uri.EscapeDataString($"{Here}/http/bar?x=1");

        Assert.Equal("/http/bar?x=1", await LocationAfterAsync($"/http/do-something?next={next}"));
    }

    [Theory]
    [MemberData(nameof(UnsafeTargets))]
    public async Task An_unsafe_next_never_leaves_the_site(string next)
    {
        var location = await LocationAfterAsync($"/http/do-something?next={Uri.EscapeDataString(next)}");

        AssertStaysOnThisHost(location);
        if (!next.Contains("%5C")) Assert.Equal("/http/hello", location);
    }

    [Theory]
    [MemberData(nameof(UnsafeTargets))]
    public async Task An_unsafe_next_falls_back_to_a_safe_referer(string next)
    {
        var location = await LocationAfterAsync($"/http/do-something?next={Uri.EscapeDataString(next)}", referer: $"{Here}/http/foo");

        AssertStaysOnThisHost(location);
        if (!next.Contains("%5C")) Assert.Equal("/http/foo", location);
    }

    [Theory]
    [MemberData(nameof(UnsafeReferers))]
    public async Task An_unsafe_referer_never_leaves_the_site(string referer)
    {
        var location = await LocationAfterAsync("/http/do-something", referer: referer);

        AssertStaysOnThisHost(location);
        if (!referer.Contains('\\') && !referer.Contains("%5C")) Assert.Equal("/http/hello", location);
    }

    [Theory]
    [InlineData("/hello/greet/Zo%C3%AB", "/hello/greet/Zo%C3%AB", "Hello, Zoë!")]
    [InlineData("/hello/greet/Zoë", "/hello/greet/Zo%C3%AB", "Hello, Zoë!")]
    [InlineData("/hello/greet/名前 ok", "/hello/greet/%E5%90%8D%E5%89%8D%20ok", "Hello, 名前 ok!")]
    [InlineData("/http/hello?name=Zoë&x=%C3%A9", "/http/hello?name=Zo%C3%AB&x=%C3%A9", "Hello, Zoë!")]
    public async Task A_local_next_with_non_ASCII_goes_out_percent_encoded_and_lands_on_that_page(string next, string location, string greeting)
    {
        Assert.Equal(location, await LocationAfterAsync($"/http/do-something?next={Uri.EscapeDataString(next)}"));

        var page = await _client.GetPageAsync(location);

        Assert.Equal(greeting, page.Text("main h1"));
    }

    [Fact]
    public async Task A_same_origin_referer_with_raw_non_ASCII_bytes_goes_out_percent_encoded()
    {
        // Sent as raw UTF-8 bytes, which HttpClient would refuse to put in a header.
        var response = await RawHttp.GetAsync(site.BaseAddress, "/http/do-something", ("Referer", $"{Here}/hello/greet/Zoë"));

        Assert.Equal(302, response.Status);
        Assert.Equal("/hello/greet/Zo%C3%AB", response.Header("Location"));
    }
}
