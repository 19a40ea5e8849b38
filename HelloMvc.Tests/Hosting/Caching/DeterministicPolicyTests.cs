using System.Net;
using HelloMvc.Tests.Infrastructure;

namespace HelloMvc.Tests.Hosting.Caching;

/// <summary>The deterministic pages' caching, read from a real socket: what a browser or a proxy would be told to keep.</summary>
public class DeterministicPolicyTests(KestrelSite site)
{
    private readonly HttpClient _client = site.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = site.BaseAddress });

    private async Task<HttpResponseMessage> GetAsync(string url, string? accept = null, string? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (accept is not null) request.Headers.TryAddWithoutValidation("Accept", accept);
        if (ifNoneMatch is not null) request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        return await _client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/routes")]
    [InlineData("/http/post")]
    [InlineData("/http/more?page=2")]
    [InlineData("/http/comments/7")]
    [InlineData("/http/profile/7")]
    [InlineData("/http/note/json")]
    public async Task A_deterministic_page_tells_the_browser_it_may_keep_it_and_how_to_revalidate(string url)
    {
        var response = await GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("public, max-age=300", response.Headers.CacheControl?.ToString());
        Assert.Matches("^\"[0-9a-f]{16}\"$", response.Headers.ETag?.Tag);
        Assert.Contains("Accept", response.Headers.Vary);
    }

    [Fact]
    public async Task The_second_request_is_answered_from_the_servers_cache_with_the_same_headers()
    {
        var first = await GetAsync("/http/profile/11");
        var second = await GetAsync("/http/profile/11");

        Assert.Null(first.Headers.Age);
        Assert.NotNull(second.Headers.Age); // only the output cache's replay carries an Age
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal("public, max-age=300", second.Headers.CacheControl?.ToString());
        Assert.Equal(
            await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken),
            await second.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_matching_If_None_Match_gets_304_with_no_body_and_the_same_validators()
    {
        var first = await GetAsync("/http/comments/8");
        var etag = first.Headers.ETag!.Tag;

        var again = await GetAsync("/http/comments/8", ifNoneMatch: etag);

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal(etag, again.Headers.ETag?.Tag);
        Assert.Equal("public, max-age=300", again.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task The_same_url_as_html_and_as_json_are_two_answers_with_two_etags()
    {
        var html = await GetAsync("/http/more?page=3", accept: "text/html");
        var json = await GetAsync("/http/more?page=3", accept: "application/json");
        var htmlAgain = await GetAsync("/http/more?page=3", accept: "text/html");

        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        Assert.Equal("application/json", json.Content.Headers.ContentType?.MediaType);
        Assert.Equal("text/html", htmlAgain.Content.Headers.ContentType?.MediaType);
        Assert.NotEqual(html.Headers.ETag, json.Headers.ETag);
        Assert.Equal(html.Headers.ETag, htmlAgain.Headers.ETag);
    }

    [Theory]
    [InlineData("/http/more?page=0", null)]
    [InlineData("/http/more?page=0", "application/json")]
    [InlineData("/http/note/pdf", null)]
    [InlineData("/http/comments/0", null)]
    public async Task An_error_from_a_deterministic_page_is_not_for_keeping(string url, string? accept)
    {
        for (var attempt = 1; attempt <= 2; attempt++) // the second would come from the server's cache if the first were kept
        {
            var response = await GetAsync(url, accept);

            Assert.True((int)response.StatusCode is >= 400 and < 500, $"{url}: {response.StatusCode}");
            Assert.Null(response.Headers.ETag);
            Assert.Null(response.Headers.Age);
            Assert.False(response.Headers.CacheControl?.Public ?? false, $"{url}: Cache-Control {response.Headers.CacheControl}");
        }
    }

    [Theory]
    [InlineData("/http/post?junk=1")]
    [InlineData("/http/more?page=2&junk=1")]
    [InlineData("/?utm_source=mail")]
    public async Task A_query_key_the_page_does_not_read_is_answered_but_never_cached(string url)
    {
        var first = await GetAsync(url);
        var second = await GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Null(second.Headers.Age); // computed again, not replayed from the cache
        Assert.Null(second.Headers.ETag);
        Assert.False(second.Headers.CacheControl?.Public ?? false);
    }

    [Fact]
    public async Task The_query_key_a_page_reads_is_part_of_its_cache_key()
    {
        var two = await GetAsync("/http/more?page=12");
        var three = await GetAsync("/http/more?page=13");
        var twoAgain = await GetAsync("/http/more?page=12");

        Assert.NotNull(twoAgain.Headers.Age);
        Assert.Equal(await two.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), await twoAgain.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.NotEqual(await two.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), await three.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_request_that_carries_TempData_is_never_answered_from_the_cache()
    {
        await GetAsync("/http/profile/23");
        Assert.NotNull((await GetAsync("/http/profile/23")).Headers.Age);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/http/profile/23");
        request.Headers.TryAddWithoutValidation("Cookie", ".AspNetCore.Mvc.CookieTempDataProvider=CfDJ8message");
        var withTempData = await _client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, withTempData.StatusCode);
        Assert.Null(withTempData.Headers.Age);
        Assert.False(withTempData.Headers.CacheControl?.Public ?? false);
    }

    [Fact]
    public async Task Pages_that_depend_on_the_visitor_are_not_cached()
    {
        var hello = await GetAsync("/http/hello?name=Grey");

        Assert.Equal(HttpStatusCode.OK, hello.StatusCode);
        Assert.Null(hello.Headers.ETag);
        Assert.False(hello.Headers.CacheControl?.Public ?? false);
    }
}
