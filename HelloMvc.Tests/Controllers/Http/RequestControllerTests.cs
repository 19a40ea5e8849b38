using System.Net;
using HelloMvc.Tests.Infrastructure;

namespace HelloMvc.Tests.Controllers.Http;

public class RequestControllerTests(SiteFactory site)
{
    private readonly HttpClient _client = site.CreateNoRedirectClient();

    private async Task<Page> GetWithCookieAsync(string url, string cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Cookie", cookie);
        return await _client.ParseAsync(request);
    }

    [Theory]
    [InlineData("/http")]
    [InlineData("/http/hello")]
    [InlineData("/http/hello/")]
    public async Task Hello_without_a_name_greets_Human_and_is_not_authenticated(string url)
    {
        var page = await _client.GetPageAsync(url);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Hello, Human!", page.Text("main h1"));
        Assert.Equal("[Not Authenticated]", page.Text("p.auth"));
        Assert.Contains("Chapter 2: HTTP", page.Text("p.chapter"));
    }

    [Fact]
    public async Task Hello_takes_the_name_from_the_query()
    {
        var page = await _client.GetPageAsync("/http/hello?name=Grey");

        Assert.Equal("Hello, Grey!", page.Text("main h1"));
    }

    [Fact]
    public async Task Hello_takes_the_name_from_the_cookie_when_the_query_has_none()
    {
        var page = await GetWithCookieAsync("/http/hello", "name=Ada");

        Assert.Equal("Hello, Ada!", page.Text("main h1"));
    }

    [Fact]
    public async Task Hello_prefers_the_query_to_the_cookie()
    {
        var page = await GetWithCookieAsync("/http/hello?name=Grey", "name=Ada");

        Assert.Equal("Hello, Grey!", page.Text("main h1"));
    }

    [Theory]
    [InlineData("Zo%C3%AB", "Zoë")]
    [InlineData("%22quoted%22%20and%20'single'", "\"quoted\" and 'single'")]
    [InlineData("a%3Bb%3Dc", "a;b=c")]
    [InlineData("%E5%90%8D%E5%89%8D", "名前")]
    public async Task Hello_shows_any_name_from_the_query_as_text(string encoded, string name)
    {
        var page = await _client.GetPageAsync($"/http/hello?name={encoded}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal($"Hello, {name}!", page.Text("main h1"));
    }

    [Fact]
    public async Task Hello_encodes_a_script_in_the_query()
    {
        var page = await _client.GetPageAsync("/http/hello?name=%3Cscript%3Ealert(1)%3C%2Fscript%3E");

        Assert.Equal("Hello, <script>alert(1)</script>!", page.Text("main h1"));
        // The only scripts are the layout's own files: none came from the name.
        Assert.All(page.Document.Scripts, script => Assert.StartsWith("/js/", script.Source));
    }

    [Fact]
    public async Task Hello_encodes_a_script_in_the_cookie()
    {
        var page = await GetWithCookieAsync("/http/hello", "name=%3Cscript%3Ealert(1)%3C%2Fscript%3E");

        Assert.Equal("Hello, <script>alert(1)</script>!", page.Text("main h1"));
        // The only scripts are the layout's own files: none came from the name.
        Assert.All(page.Document.Scripts, script => Assert.StartsWith("/js/", script.Source));
    }

    [Fact]
    public async Task Hello_survives_an_8_KB_query_string()
    {
        var name = new string('x', 8 * 1024);
        var page = await _client.GetPageAsync($"/http/hello?name={name}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal($"Hello, {name}!", page.Text("main h1"));
    }

    [Fact]
    public async Task Inspect_shows_the_request_line_url_parts_and_headers_by_label()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/http/request?name=Grey&lang=en");
        request.Headers.TryAddWithoutValidation("Accept", "text/html");
        request.Headers.TryAddWithoutValidation("User-Agent", "HelloMvcTests/1.0");
        request.Headers.TryAddWithoutValidation("Referer", "http://localhost/http/foo");
        request.Headers.TryAddWithoutValidation("X-Requested-With", "XMLHttpRequest");
        request.Headers.TryAddWithoutValidation("Cookie", "name=Ada");
        var page = await _client.ParseAsync(request);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var line = page.Document.GetElementById("request-line")!.ReadLabeled();
        Assert.Equal("GET", line["Method"]);
        Assert.Equal("http", line["Scheme"]);
        Assert.Equal("localhost", line["Host"]);
        Assert.Equal("/http/request", line["Path"]);
        Assert.Equal("?name=Grey&lang=en", line["Query string"]);
        Assert.Equal("/http/request?name=Grey&lang=en", line["Full path"]);
        Assert.Equal("http://localhost/http/request?name=Grey&lang=en", line["Full URL"]);
        Assert.Equal("http://localhost/http/request", line["Base URL"]);
        Assert.Equal("HelloMvcTests/1.0", line["User agent"]);
        Assert.Equal("http://localhost/http/foo", line["Referrer"]);
        Assert.StartsWith("yes", line["AJAX"]);
        Assert.True(line.ContainsKey("Remote address"));
        Assert.Equal("Grey", page.Document.GetElementById("query")!.ReadLabeled()["name"]);
        Assert.Equal("en", page.Document.GetElementById("query")!.ReadLabeled()["lang"]);
        Assert.Equal("Ada", page.Document.GetElementById("cookies")!.ReadLabeled()["name"]);
        Assert.Equal("HelloMvcTests/1.0", page.Document.GetElementById("headers")!.ReadLabeled()["User-Agent"]);
    }

    [Fact]
    public async Task Inspect_says_a_plain_request_is_not_ajax()
    {
        var page = await _client.GetPageAsync("/http/request");

        Assert.StartsWith("no", page.Document.GetElementById("request-line")!.ReadLabeled()["AJAX"]);
    }

    [Fact]
    public async Task Methods_answers_GET_with_a_form_that_carries_an_antiforgery_token()
    {
        var page = await _client.GetPageAsync("/http/methods");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("You sent GET", page.Text("main h1"));
        Assert.NotNull(page.Document.QuerySelector("form[method=post] input[name=__RequestVerificationToken]"));
    }

    [Fact]
    public async Task Methods_answers_the_pages_own_POST()
    {
        var form = await _client.GetPageAsync("/http/methods");

        var page = await _client.SubmitAsync(form);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("You sent POST", page.Text("main h1"));
    }

    [Fact]
    public async Task Methods_refuses_a_POST_without_the_token()
    {
        var page = await _client.ParseAsync(new HttpRequestMessage(HttpMethod.Post, "/http/methods") { Content = new FormUrlEncodedContent([]) });

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal("400 Bad Request", page.Text("main h1"));
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task Methods_answers_other_methods_with_405_and_an_Allow_header(string method)
    {
        var response = await _client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/http/methods"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("GET", response.Content.Headers.Allow);
        Assert.Contains("POST", response.Content.Headers.Allow);
        Assert.DoesNotContain(method, response.Content.Headers.Allow);
    }

    [Theory]
    [InlineData("/http/hello?name=Grey", "name=Ada", "query")]
    [InlineData("/http/hello", "name=Ada", "cookie")]
    [InlineData("/http/hello", "other=1", "default")]
    public async Task Hello_says_which_source_the_name_came_from_this_time(string url, string cookie, string source)
    {
        var page = await GetWithCookieAsync(url, cookie);

        Assert.Equal(source, page.Document.QuerySelector("p.name-source")?.GetAttribute("data-source"));
        Assert.Contains(source switch { "query" => "the query string", "cookie" => "the name cookie", _ => "the default" }, page.Text("p.name-source"));
    }
}
