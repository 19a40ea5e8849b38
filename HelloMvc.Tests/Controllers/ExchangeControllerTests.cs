using System.Net;
using HelloMvc.Tests.Infrastructure;

namespace HelloMvc.Tests.Controllers;

public class ExchangeControllerTests(SiteFactory site)
{
    private readonly HttpClient _client = site.CreateNoRedirectClient();

    [Fact]
    public async Task Exchange_of_hello_shows_the_request_line_and_the_200_response_with_its_body()
    {
        var page = await _client.GetPageAsync("/exchange?path=/hello");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var request = page.Lines("pre#request");
        Assert.Equal("GET /hello HTTP/1.1", request[0]);
        Assert.Contains("Host: localhost", request);
        var response = page.Lines("pre#response");
        Assert.Equal("HTTP/1.1 200 OK", response[0]);
        Assert.Contains("Content-Type: text/html; charset=utf-8", response);
        Assert.Contains("<h1>Hello, World!</h1>", page.Text("pre#response"));
        // The body is shown as text, never run as the page's own markup.
        Assert.Empty(page.Document.QuerySelector("pre#response")!.Children);
        Assert.Null(page.Document.QuerySelector(".note"));
    }

    [Fact]
    public async Task Exchange_of_an_unknown_path_shows_the_404_it_got()
    {
        var page = await _client.GetPageAsync("/exchange?path=/nope");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("HTTP/1.1 404 Not Found", page.Lines("pre#response")[0]);
        Assert.Contains("404 Not Found", page.Text("pre#response"));
    }

    [Fact]
    public async Task Exchange_of_the_error_demo_shows_the_500_page_without_a_stack_trace()
    {
        var page = await _client.GetPageAsync("/exchange?path=/hello/error");

        Assert.Equal("HTTP/1.1 500 Internal Server Error", page.Lines("pre#response")[0]);
        var response = page.Text("pre#response");
        Assert.Contains("Request ID", response);
        Assert.DoesNotContain("InvalidOperationException", response);
    }

    [Fact]
    public async Task Exchange_forwards_the_learners_cookies_and_accept_header()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/exchange?path=/hello/greet/Grey");
        request.Headers.TryAddWithoutValidation("Cookie", "name=Grey; theme=dark");
        request.Headers.TryAddWithoutValidation("Accept", "text/html");
        var page = await _client.ParseAsync(request);

        var sent = page.Lines("pre#request");
        Assert.Equal("GET /hello/greet/Grey HTTP/1.1", sent[0]);
        Assert.Contains("Cookie: name=Grey; theme=dark", sent);
        Assert.Contains("Accept: text/html", sent);
    }

    [Fact]
    public async Task Exchange_encodes_the_path_in_the_request_line_and_drops_the_fragment()
    {
        var page = await _client.GetPageAsync("/exchange?path=" + Uri.EscapeDataString("/hello/greet/Zoë <b>?x=1&y=2#top"));

        Assert.Equal("GET /hello/greet/Zo%C3%AB%20%3Cb%3E?x=1&y=2 HTTP/1.1", page.Lines("pre#request")[0]);
        // The raw body as Razor wrote it: the name HTML-encoded, the ë too.
        Assert.Contains("<h1>Hello, Zo&#xEB; &lt;b&gt;!</h1>", page.Text("pre#response"));
        Assert.Equal("/hello/greet/Zoë <b>?x=1&y=2#top", page.Document.QuerySelector("input#path")?.GetAttribute("value"));
    }

    [Theory]
    [InlineData("?path=http://evil.example/")]
    [InlineData("?path=https://evil.example/hello")]
    [InlineData("?path=http://localhost/hello")]
    [InlineData("?path=//evil.example")]
    [InlineData("?path=%2F%2Fevil.example")]
    [InlineData("?path=/%5Cevil.example")]
    [InlineData("?path=%5C%5Cevil.example")]
    [InlineData("?path=/hello%0D%0ASet-Cookie:%20x=1")]
    [InlineData("?path=hello")]
    [InlineData("?path=~/hello")]
    [InlineData("?path=/exchange?path=/hello")]
    [InlineData("?path=%2Fexchange%3Fpath%3D%2Fhello")]
    [InlineData("?path=/EXCHANGE")]
    [InlineData("?path=/Exchange/")]
    [InlineData("?path=/%2565xchange%3Fpath=/hello")]
    [InlineData("?path=")]
    [InlineData("")]
    public async Task Anything_but_a_local_path_other_than_the_viewer_is_400_on_the_error_page(string query)
    {
        var page = await _client.GetPageAsync("/exchange" + query);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal("400 Bad Request", page.Text("main h1"));
        Assert.Null(page.Document.QuerySelector("pre#request"));
    }

    [Fact]
    public async Task Only_GET_is_allowed_on_the_viewer()
    {
        var response = await _client.PostAsync("/exchange?path=/hello", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("GET", response.Content.Headers.Allow);
    }

    [Fact]
    public async Task Exchange_page_offers_the_demo_itself_and_a_form_for_another_path()
    {
        var page = await _client.GetPageAsync("/exchange?path=/hello/hi");

        Assert.Equal("/hello/hi", page.Document.QuerySelector("a.open")?.GetAttribute("href"));
        var form = page.Document.QuerySelector("form.exchange-form")!;
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("/exchange", form.GetAttribute("action"));
        Assert.Equal("path", form.QuerySelector("input#path")?.GetAttribute("name"));
    }

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
        // The rendered paragraph, not the page's code section, which shows the view's source with both texts in it.
        Assert.Contains(NotAuthenticated, before.Text("pre#response"));

        await client.GetAsync("/http/login", TestContext.Current.CancellationToken);
        var after = await client.GetPageAsync("/exchange?path=/http/hello");

        Assert.Contains(after.Lines("pre#request"), line => line.StartsWith("Cookie: ", StringComparison.Ordinal));
        Assert.Contains("<p class=\"auth\">[Authenticated]</p>", after.Text("pre#response"));
        Assert.DoesNotContain(NotAuthenticated, after.Text("pre#response"));
    }

    private const string NotAuthenticated = "<p class=\"auth\">[Not Authenticated]</p>";
}
