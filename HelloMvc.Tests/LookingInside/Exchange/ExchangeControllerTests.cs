using System.Net;
using System.Text.RegularExpressions;
using HelloMvc.Tests.Infrastructure;
using HelloMvc.Web.LookingInside.Catalog;

namespace HelloMvc.Tests.LookingInside.Exchange;

/// <summary>The viewer sends its request over a socket, so its tests run on a real server.</summary>
public class ExchangeControllerTests(KestrelSite site, SiteFactory inMemory)
{
    private readonly HttpClient _client = site.CreateWireClient();

    [Fact]
    public async Task Exchange_of_hello_shows_the_request_line_and_the_200_response_with_its_body()
    {
        var page = await _client.GetPageAsync("/exchange?path=/hello");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var request = page.Lines("pre#request");
        Assert.Equal("GET /hello HTTP/1.1", request[0]);
        Assert.Contains($"Host: {site.BaseAddress.Authority}", request);
        var response = page.Lines("pre#response");
        Assert.Equal("HTTP/1.1 200 OK", response[0]);
        Assert.Contains("Content-Type: text/html; charset=utf-8", response);
        // The server's own headers, which only the wire carries.
        Assert.Contains(response, line => line.StartsWith("Date: ", StringComparison.Ordinal));
        Assert.DoesNotContain(response, line => line.StartsWith("Server:", StringComparison.OrdinalIgnoreCase)); // the site does not name its software
        Assert.Contains(response, line => line.StartsWith("Content-Length: ", StringComparison.Ordinal) || line == "Transfer-Encoding: chunked");
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
        var client = site.CreateWireClient();
        var before = await client.GetPageAsync("/exchange?path=/http/hello");
        // The rendered paragraph, not the page's code section, which shows the view's source with both texts in it.
        Assert.Contains(NotAuthenticated, before.Text("pre#response"));

        (await client.GetAsync("/http/login", TestContext.Current.CancellationToken)).Dispose();
        var after = await client.GetPageAsync("/exchange?path=/http/hello");

        Assert.Contains(after.Lines("pre#request"), line => line.StartsWith("Cookie: ", StringComparison.Ordinal));
        Assert.Contains("<p class=\"auth\">[Authenticated]</p>", after.Text("pre#response"));
        Assert.DoesNotContain(NotAuthenticated, after.Text("pre#response"));
    }

    [Fact]
    public async Task The_request_shown_is_the_one_sent_with_the_learners_headers_and_the_viewers_via()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/exchange?path=/hello");
        request.Headers.TryAddWithoutValidation("Accept-Language", "en-GB");
        request.Headers.TryAddWithoutValidation("User-Agent", "learner/1.0");
        request.Headers.TryAddWithoutValidation("X-Not-Forwarded", "secret");
        var page = await _client.ParseAsync(request);

        Assert.Equal(
            ["GET /hello HTTP/1.1", $"Host: {site.BaseAddress.Authority}", "Accept-Language: en-GB", "User-Agent: learner/1.0", "Via: 1.1 exchange-viewer"],
            page.Lines("pre#request"));
    }

    [Fact]
    public async Task A_body_past_16_KB_is_cut_with_a_note()
    {
        var page = await _client.GetPageAsync("/exchange?path=/lib/jquery/dist/jquery.min.js");

        var body = page.Text("pre#response").Split("\n\n", 2)[1];
        Assert.InRange(body.Length, 16 * 1024 - 3, 16 * 1024);
        Assert.Matches(@"^The body is [\d,]+ bytes; only the first 16 KB are shown\.$", page.Text("p.note"));
    }

    [Fact]
    public async Task A_redirect_to_a_non_ASCII_page_is_shown_as_the_server_sent_it_not_as_a_500()
    {
        var page = await _client.GetPageAsync("/exchange?path=" + Uri.EscapeDataString("/http/do-something?next=/%C3%A9"));

        var response = page.Lines("pre#response");
        Assert.Equal("HTTP/1.1 302 Found", response[0]);
        Assert.Contains("Location: /%C3%A9", response);
    }

    [Fact]
    public async Task The_viewer_refuses_a_request_it_sent_itself_however_the_path_is_spelled()
    {
        // Kestrel turns /x/%2E%2E/exchange into /exchange; the viewer's Via header gives it away.
        var response = await RawHttp.GetAsync(site.BaseAddress, "/exchange?path=/hello", ("Via", "1.1 exchange-viewer"));

        Assert.Equal(400, response.Status);
    }

    [Fact]
    public async Task Without_a_socket_the_in_memory_host_gets_a_clear_503_not_a_500()
    {
        var page = await inMemory.CreateNoRedirectClient().GetPageAsync("/exchange?path=/hello");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.Status);
        Assert.Contains("needs a real server", page.Text("p.note"));
        Assert.Null(page.Document.QuerySelector("pre#response"));
    }

    /// <summary>The first ten demos of the index whose headers carry nothing that changes per request (a new session, an antiforgery token, the caller's port).</summary>
    public static TheoryData<string> TenDemos() =>
        new(DemoCatalog.Chapters.SelectMany(chapter => chapter.Sections).SelectMany(section => section.Demos)
            .Where(demo => demo.HasExchange && demo.Path is not ("/http/request" or "/http/methods" or "/http/login" or "/http/context?name=Grey"))
            .Select(demo => demo.Path).Take(10));

    [Theory]
    [MemberData(nameof(TenDemos))]
    public async Task The_viewer_shows_the_status_line_and_headers_a_raw_socket_gets(string path)
    {
        var page = await _client.GetPageAsync("/exchange?path=" + Uri.EscapeDataString(path));
        var shown = page.Lines("pre#response").TakeWhile(line => line.Length > 0).ToList();

        // The same request, sent by this test on its own socket: the lines the viewer says it sent.
        var sent = page.Lines("pre#request");
        var raw = await RawHttp.SendAsync(site.BaseAddress, System.Text.Encoding.Latin1.GetBytes(string.Join("\r\n", sent) + "\r\n\r\n"));

        Assert.Equal(Comparable(raw.HeadLines), Comparable(shown));
    }

    /// <summary>Less Date, and with the two values that measure time (an output-cache Age, Server-Timing's duration) blanked.</summary>
    private static List<string> Comparable(IEnumerable<string> head) =>
        head.Where(line => !line.StartsWith("Date: ", StringComparison.Ordinal))
            .Select(line => Regex.Replace(line, @"^(Age: |Server-Timing: .*dur=)[\d.]+", "$1…"))
            .ToList();

    [Fact]
    public async Task A_learners_cookie_with_non_ASCII_is_forwarded_as_the_same_UTF_8_bytes()
    {
        // Raw UTF-8 bytes in the Cookie header, which Kestrel accepts and HttpClient would refuse to send.
        var response = await RawHttp.GetAsync(site.BaseAddress, "/exchange?path=/http/hello", ("Cookie", "name=Zoë"), ("Accept", "text/html"));

        Assert.Equal(200, response.Status);
        var page = await new AngleSharp.Html.Parser.HtmlParser().ParseDocumentAsync(response.BodyText, TestContext.Current.CancellationToken);
        Assert.Contains("Cookie: name=Zoë", page.QuerySelector("pre#request")!.TextContent.Split('\n'));
        Assert.StartsWith("HTTP/1.1 200 OK\n", page.QuerySelector("pre#response")!.TextContent.TrimStart());
    }

    private const string NotAuthenticated = "<p class=\"auth\">[Not Authenticated]</p>";
}
