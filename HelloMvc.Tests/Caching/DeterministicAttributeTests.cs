using System.Net;
using HelloMvc.Tests.Infrastructure;

namespace HelloMvc.Tests.Caching;

public class DeterministicAttributeTests(SiteFactory site)
{
    private readonly HttpClient _client = site.CreateNoRedirectClient();

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
    public async Task A_matching_If_None_Match_gets_304_with_no_body()
    {
        var first = await GetAsync("/http/comments/8");
        var etag = first.Headers.ETag!.Tag;

        var again = await GetAsync("/http/comments/8", ifNoneMatch: etag);

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
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

    [Fact]
    public async Task Pages_that_depend_on_the_visitor_are_not_cached()
    {
        var hello = await GetAsync("/http/hello?name=Grey");

        Assert.Null(hello.Headers.ETag);
        Assert.NotEqual("public, max-age=300", hello.Headers.CacheControl?.ToString());
    }
}
