using System.Net;
using HelloMvc.Tests.Infrastructure;

namespace HelloMvc.Tests.Hosting.Security;

/// <summary>On the wire: the headers a client receives, with Kestrel writing them.</summary>
public class SecurityHeadersTests(KestrelSite site)
{
    private readonly HttpClient _client = site.CreateWireClient();

    [Theory]
    [InlineData("GET", "/", HttpStatusCode.OK)]
    [InlineData("GET", "/http/post", HttpStatusCode.OK)]
    [InlineData("GET", "/http/more?page=2", HttpStatusCode.OK)]
    [InlineData("GET", "/http/profile/1", HttpStatusCode.OK)]
    [InlineData("DELETE", "/http/post/delete/1", HttpStatusCode.NoContent)]
    [InlineData("GET", "/no/such/page", HttpStatusCode.NotFound)]
    [InlineData("GET", "/http/more?page=0", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/http/post/delete/1", HttpStatusCode.MethodNotAllowed)]
    [InlineData("GET", "/hello/error", HttpStatusCode.InternalServerError)]
    [InlineData("GET", "/css/site.css", HttpStatusCode.OK)]
    [InlineData("GET", "/lib/jquery/dist/jquery.min.js", HttpStatusCode.OK)]
    [InlineData("GET", "/js/post.js", HttpStatusCode.OK)]
    public async Task Every_response_carries_the_security_headers(string method, string url, HttpStatusCode status)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        var response = await _client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(status, response.StatusCode);
        var policy = Directives(Header(response, "Content-Security-Policy"));
        Assert.Equal("'self'", policy["script-src"]);
        Assert.Equal("'self'", policy["default-src"]);
        Assert.Equal("'self'", policy["style-src"]);
        Assert.Equal("'self'", policy["connect-src"]);
        Assert.Equal("'none'", policy["frame-ancestors"]);
        Assert.Equal("'self'", policy["base-uri"]);
        Assert.Equal("'self'", policy["form-action"]);
        Assert.DoesNotContain("unsafe", Header(response, "Content-Security-Policy"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        // same-origin still sends the Referer to this site, which redirect-back reads.
        Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
    }

    [Fact]
    public async Task An_xml_response_lets_in_only_the_browsers_viewer_styles_never_scripts()
    {
        var response = await _client.GetAsync("/http/note/xml", TestContext.Current.CancellationToken);

        var policy = Directives(Header(response, "Content-Security-Policy"));
        Assert.Equal("'self' 'unsafe-inline'", policy["style-src"]);
        Assert.Equal("'self'", policy["script-src"]);
        Assert.Equal("'self'", policy["default-src"]);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
    }

    [Fact]
    public async Task A_compressed_static_file_as_a_browser_asks_for_it_carries_them_too()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/lib/jquery/dist/jquery.min.js");
        request.Headers.AcceptEncoding.ParseAdd("gzip, br");
        var response = await _client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(response.Content.Headers.ContentEncoding);
        Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Contains("script-src 'self'", Header(response, "Content-Security-Policy"));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        Assert.Single(response.Headers.TryGetValues(name, out var values) ? values : []);

    private static Dictionary<string, string> Directives(string policy) =>
        policy.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(directive => directive.Split(' ', 2))
            .ToDictionary(parts => parts[0], parts => parts.Length > 1 ? parts[1] : "");
}
