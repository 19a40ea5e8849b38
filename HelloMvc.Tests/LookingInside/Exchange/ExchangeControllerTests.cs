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
    [InlineData("?path=%20")]
    [InlineData("")]
    [InlineData("?method=TRACE&form=yes")]
    public async Task Anything_but_a_local_path_other_than_the_viewer_is_400_on_the_error_page(string query)
    {
        var page = await _client.GetPageAsync("/exchange" + query);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal("400 Bad Request", page.Text("main h1"));
        Assert.Contains("must be a local path of this site", page.Text("main p.refused"));
        Assert.Null(page.Document.QuerySelector("pre#request"));
    }

    [Theory]
    // Blank is none, as MVC binds a blank string: no method (GET), no body, no type, no form, no follow.
    [InlineData("&method=%20&body=%20&type=%20&form=%20&follow=")]
    [InlineData("&asked=1")]
    [InlineData("&asked.path=/nope")]
    [InlineData("&junk=1")]
    public async Task A_blank_value_or_a_key_the_viewer_does_not_know_changes_nothing(string extra)
    {
        var page = await _client.GetPageAsync("/exchange?path=/hello" + extra);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("GET /hello HTTP/1.1", page.Lines("pre#request")[0]);
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

        var sent = page.Lines("pre#request");
        Assert.Equal(
            ["GET /hello HTTP/1.1", $"Host: {site.BaseAddress.Authority}", "Accept-Language: en-GB", "User-Agent: learner/1.0", "Via: 1.1 exchange-viewer"],
            sent.Take(5));
        // The mark that has the site record this request's journey: a fresh random id, and nothing more.
        Assert.Matches("^Exchange-Journey: [0-9a-f]{32}$", Assert.Single(sent.Skip(5)));
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

    /// <summary>
    /// Less Date, and with the two values that measure time (an output-cache Age, Server-Timing's duration) blanked. Less
    /// the framing too: an output-cached page is computed (chunked) for one of the two requests and served from the
    /// cache (Content-Length, Age) for the other, depending on which came first; other tests check the framing.
    /// </summary>
    private static List<string> Comparable(IEnumerable<string> head) =>
        head.Where(line => !line.StartsWith("Date: ", StringComparison.Ordinal)
                           && !line.StartsWith("Content-Length: ", StringComparison.Ordinal)
                           && !line.StartsWith("Transfer-Encoding: ", StringComparison.Ordinal)
                           && !line.StartsWith("Age: ", StringComparison.Ordinal))
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

    [Fact]
    public async Task PUT_on_methods_shows_the_405_and_its_Allow_header()
    {
        var page = await _client.GetPageAsync("/exchange?path=/http/methods&method=PUT");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("PUT /http/methods HTTP/1.1", page.Lines("pre#request")[0]);
        var response = page.Lines("pre#response");
        Assert.Equal("HTTP/1.1 405 Method Not Allowed", response[0]);
        Assert.Contains("Allow: GET, POST", response);
    }

    [Fact]
    public async Task DELETE_of_a_post_shows_the_204_without_a_body()
    {
        var page = await _client.GetPageAsync("/exchange?path=/http/post/delete/7&method=DELETE");

        Assert.Equal("DELETE /http/post/delete/7 HTTP/1.1", page.Lines("pre#request")[0]);
        var response = page.Lines("pre#response");
        Assert.Equal("HTTP/1.1 204 No Content", response[0]);
        Assert.DoesNotContain("", response);
    }

    [Fact]
    public async Task A_given_Accept_header_replaces_the_browsers_so_more_answers_JSON()
    {
        var page = await _client.GetPageAsync("/exchange?path=" + Uri.EscapeDataString("/http/more?page=2") + "&header=" + Uri.EscapeDataString("Accept: application/json"));

        var sent = page.Lines("pre#request");
        Assert.Equal("GET /http/more?page=2 HTTP/1.1", sent[0]);
        Assert.Equal("Accept: application/json", Assert.Single(sent, line => line.StartsWith("Accept:", StringComparison.Ordinal)));
        var response = page.Text("pre#response").Split("\n\n", 2);
        Assert.Contains("Content-Type: application/json; charset=utf-8", response[0].Split('\n'));
        using var json = System.Text.Json.JsonDocument.Parse(response[1]);
        Assert.Equal(2, json.RootElement.GetProperty("page").GetInt32());
        Assert.NotEmpty(json.RootElement.GetProperty("paragraphs").EnumerateArray());
    }

    [Fact]
    public async Task HEAD_of_a_file_shows_the_headers_a_GET_would_get_and_no_body()
    {
        var page = await _client.GetPageAsync("/exchange?path=/css/site.css&method=HEAD");

        Assert.Equal("HEAD /css/site.css HTTP/1.1", page.Lines("pre#request")[0]);
        var response = page.Lines("pre#response");
        Assert.Equal("HTTP/1.1 200 OK", response[0]);
        Assert.Contains("Content-Type: text/css", response);
        // The headers only: no empty line, no body after them.
        Assert.DoesNotContain("", response);
        Assert.DoesNotContain(response, line => line.Contains('{', StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_body_goes_with_its_type_and_a_POST_without_the_token_gets_the_sites_400()
    {
        var page = await _client.GetPageAsync("/exchange?path=/http/methods&method=POST&body=name%3DGrey&type=application/x-www-form-urlencoded");

        var sent = page.Lines("pre#request");
        Assert.Equal("POST /http/methods HTTP/1.1", sent[0]);
        Assert.Contains("Content-Type: application/x-www-form-urlencoded", sent);
        Assert.Contains("Content-Length: 9", sent);
        Assert.Equal("name=Grey", sent[^1]);
        Assert.Equal("HTTP/1.1 400 Bad Request", page.Lines("pre#response")[0]);
        // The body is the site's own error page, the one any browser gets.
        Assert.Contains("<title>400 Bad Request · HelloMvc</title>", page.Text("pre#response"));
    }

    [Fact]
    public async Task A_body_of_8_KB_is_sent_whole()
    {
        var body = new string('a', 8 * 1024);
        var page = await _client.GetPageAsync($"/exchange?path=/http/post/delete/1&method=DELETE&body={body}&type=text/plain");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Content-Length: 8192", page.Lines("pre#request"));
        Assert.Equal("HTTP/1.1 204 No Content", page.Lines("pre#response")[0]);
    }

    [Fact]
    public async Task The_form_of_methods_goes_as_a_browser_sends_it_with_its_token_and_antiforgery_cookie()
    {
        // No cookies of its own: the antiforgery cookie the POST needs can only come from the page's Set-Cookie.
        var page = await site.CreateWireClient(handleCookies: false).GetPageAsync("/exchange?path=/http/methods&form=1");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var sections = page.Document.QuerySelectorAll("section.exchange");
        Assert.Equal(2, sections.Length);
        var get = Lines(sections[0], "pre.request");
        Assert.Equal("GET /http/methods HTTP/1.1", get[0]);
        var antiforgery = Assert.Single(Lines(sections[0], "pre.response"), line => line.StartsWith("Set-Cookie: .AspNetCore.Antiforgery.", StringComparison.Ordinal));
        var cookie = antiforgery["Set-Cookie: ".Length..].Split(';')[0];

        var post = Lines(sections[1], "pre.request");
        Assert.Equal("POST /http/methods HTTP/1.1", post[0]);
        Assert.Contains("Content-Type: application/x-www-form-urlencoded", post);
        Assert.Contains($"Cookie: {cookie}", post);
        Assert.Matches("^__RequestVerificationToken=[A-Za-z0-9_-]{40,}$", post[^1]);
        var answer = sections[1].QuerySelector("pre.response")!.TextContent;
        Assert.StartsWith("HTTP/1.1 200 OK\n", answer.TrimStart());
        Assert.Contains("<h1>You sent POST</h1>", answer);
    }

    [Fact]
    public async Task The_cookie_labs_form_goes_with_every_field_a_browser_sends_its_select_included()
    {
        var page = await site.CreateWireClient(handleCookies: false).GetPageAsync("/exchange?path=/http/cookie&form=1");

        var sections = page.Document.QuerySelectorAll("section.exchange");
        Assert.Equal(2, sections.Length);
        // The inputs as the page fills them, the unchecked boxes left out, and the select's first option, (not set).
        Assert.Equal("GET /http/cookie/set?name=brief&value=gone-soon&maxAge=&expires=&path=&sameSite= HTTP/1.1", Lines(sections[1], "pre.request")[0]);
        var response = Lines(sections[1], "pre.response");
        Assert.Equal("HTTP/1.1 302 Found", response[0]);
        Assert.Contains(response, line => line.StartsWith("Set-Cookie: brief=gone-soon; path=/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Follow_on_login_shows_two_hops_the_session_cookie_sent_on_the_second_and_Authenticated()
    {
        var client = site.CreateWireClient();
        var page = await client.GetPageAsync("/exchange?path=/http/login&follow=1");

        var sections = page.Document.QuerySelectorAll("section.exchange");
        Assert.Equal(2, sections.Length);
        Assert.Equal("GET /http/login HTTP/1.1", Lines(sections[0], "pre.request")[0]);
        var first = Lines(sections[0], "pre.response");
        Assert.Equal("HTTP/1.1 302 Found", first[0]);
        Assert.Contains("Location: /http/hello", first);
        var session = Assert.Single(first, line => line.StartsWith("Set-Cookie: .HelloMvc.Session=", StringComparison.Ordinal))["Set-Cookie: ".Length..].Split(';')[0];

        var second = Lines(sections[1], "pre.request");
        Assert.Equal("GET /http/hello HTTP/1.1", second[0]);
        // The jar sends every cookie the first hop set: the session's, and TempData's record of the hop.
        var sent = Assert.Single(second, line => line.StartsWith("Cookie: ", StringComparison.Ordinal))["Cookie: ".Length..].Split("; ");
        Assert.Contains(session, sent);
        Assert.Contains("<p class=\"auth\">[Authenticated]</p>", sections[1].QuerySelector("pre.response")!.TextContent);
        Assert.Contains("your browser's cookies are unchanged", page.Text("p.conversation-note"));

        // The viewer's own answer sets nothing, and the learner is still not logged in.
        Assert.False(page.Response.Headers.Contains("Set-Cookie"));
        var after = await client.GetPageAsync("/exchange?path=/http/hello");
        Assert.Contains(NotAuthenticated, after.Text("pre#response"));
    }

    [Fact]
    public async Task Follow_on_redirect_shows_the_off_site_Location_and_stops_there()
    {
        var page = await _client.GetPageAsync("/exchange?path=/http/redirect&follow=1");

        var section = Assert.Single(page.Document.QuerySelectorAll("section.exchange"));
        var response = Lines(section, "pre.response");
        Assert.Equal("HTTP/1.1 302 Found", response[0]);
        Assert.Contains("Location: https://www.example.com", response);
        Assert.Equal("The last Location, https://www.example.com, is not on this site: the viewer shows it and never follows it.",
            page.Text("p.conversation-note"));
    }

    [Fact]
    public async Task Follow_of_a_redirect_chain_goes_hop_by_hop_to_the_page()
    {
        // /http/set/Grey sets the name cookie and redirects to /http/hello, which greets by it.
        var page = await site.CreateWireClient(handleCookies: false).GetPageAsync("/exchange?path=/http/set/Grey&follow=1");

        var sections = page.Document.QuerySelectorAll("section.exchange");
        Assert.Equal(["Hop 1: GET /http/set/Grey", "Hop 2: GET /http/hello"], sections.Select(section => section.QuerySelector("h2")!.TextContent.Trim()));
        Assert.Contains(Lines(sections[1], "pre.request"), line => line.StartsWith("Cookie: name=Grey", StringComparison.Ordinal));
        Assert.Contains("<h1>Hello, Grey!</h1>", sections[1].QuerySelector("pre.response")!.TextContent);
    }

    [Fact]
    public async Task The_page_offers_every_option_in_its_form()
    {
        var page = await _client.GetPageAsync("/exchange?path=/http/methods&method=PUT&header=X-One:%201&follow=1");

        var form = page.Document.QuerySelector("form.exchange-form")!;
        Assert.Equal(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"],
            form.QuerySelectorAll("select[name=method] option").Select(option => option.GetAttribute("value")));
        Assert.Equal("PUT", form.QuerySelector("select[name=method] option[selected]")?.GetAttribute("value"));
        var headers = form.QuerySelectorAll("input[name=header]");
        Assert.InRange(headers.Length, 2, 10);
        Assert.Equal("X-One: 1", headers[0].GetAttribute("value"));
        Assert.NotNull(form.QuerySelector("textarea[name=body]"));
        Assert.NotNull(form.QuerySelector("input[name=type]"));
        Assert.Null(form.QuerySelector("input[name=form][type=checkbox]")!.GetAttribute("checked"));
        Assert.NotNull(form.QuerySelector("input[name=follow][type=checkbox]")!.GetAttribute("checked"));
    }

    [Theory]
    [InlineData("method=TRACE", "The method “TRACE” is not one the viewer sends")]
    [InlineData("method=CONNECT", "The method “CONNECT”")]
    [InlineData("method=get", "methods are case-sensitive")]
    [InlineData("method=BREW", "The method “BREW”")]
    [InlineData("header=Bad%20Name:%20x", "The header name “Bad Name” is not a token")]
    [InlineData("header=X%28%29:%20x", "The header name “X()” is not a token")]
    [InlineData("header=:%20x", "The header name “” is not a token")]
    [InlineData("header=No-Colon", "The header “No-Colon” is not written as Name: value")]
    [InlineData("header=X-A:%20a%01b", "The value of X-A holds a control character")]
    [InlineData("header=X-A:%20a%0D%0ASet-Cookie:%20x=1", "The value of X-A holds a control character")]
    [InlineData("header=X-A:%20a%7Fb", "The value of X-A holds a control character")]
    [InlineData("header=Host:%20evil.example", "The viewer writes the Host header itself")]
    [InlineData("header=host:%20evil.example", "The viewer writes the host header itself")]
    [InlineData("header=Content-Length:%205", "The viewer writes the Content-Length header itself")]
    [InlineData("header=Transfer-Encoding:%20chunked", "The viewer writes the Transfer-Encoding header itself")]
    [InlineData("header=Connection:%20close", "The viewer writes the Connection header itself")]
    [InlineData("header=Via:%201.1%20exchange-viewer", "The viewer writes the Via header itself")]
    [InlineData("header=Exchange-Journey:%20abc", "The viewer writes the Exchange-Journey header itself")]
    [InlineData("header=A:1&header=B:1&header=C:1&header=D:1&header=E:1&header=F:1&header=G:1&header=H:1&header=I:1&header=J:1&header=K:1",
        "11 headers were given; the viewer sends at most 10")]
    [InlineData("type=not%20a%20type", "The type “not a type” is not a media type")]
    [InlineData("type=text/plain%0D%0AX:%201", "is not a media type")]
    [InlineData("form=yes", "form and follow are 1 (on) or 0 (off)")]
    [InlineData("follow=2", "form and follow are 1 (on) or 0 (off)")]
    // What MVC's own bool binder would take, and the viewer does not.
    [InlineData("form=true", "form and follow are 1 (on) or 0 (off)")]
    [InlineData("follow=%201", "form and follow are 1 (on) or 0 (off)")]
    [InlineData("method=%01", "The method “\\u0001” is not one the viewer sends")]
    // Two reasons: the refusal names the first field's, in the form's order.
    [InlineData("follow=2&method=TRACE&header=No-Colon", "The method “TRACE”")]
    [InlineData("type=nope&header=No-Colon", "The header “No-Colon” is not written as Name: value")]
    public async Task Each_bad_input_is_a_400_that_says_what_was_refused(string query, string reason)
    {
        var page = await _client.GetPageAsync("/exchange?path=/hello&" + query);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal("400 Bad Request", page.Text("main h1"));
        Assert.Contains(reason, page.Text("main p.refused"));
        Assert.Null(page.Document.QuerySelector("pre#request"));
    }

    [Theory]
    [InlineData("method=POST")]
    [InlineData("method=DELETE")]
    [InlineData("form=1")]
    public async Task A_link_from_another_site_cannot_have_the_viewer_send_a_form_or_an_unsafe_method(string query)
    {
        // What a browser says when a page on another site sent it here.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/exchange?path=/http/methods&" + query);
        request.Headers.Add("Sec-Fetch-Site", "cross-site");
        var page = await _client.ParseAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("A link from another site may not", page.Text("main p.refused"));

        // The same page reached from this site sends it.
        using var own = new HttpRequestMessage(HttpMethod.Get, "/exchange?path=/http/methods&" + query);
        own.Headers.Add("Sec-Fetch-Site", "same-origin");
        Assert.Equal(HttpStatusCode.OK, (await _client.ParseAsync(own)).Status);
    }

    [Fact]
    public async Task A_body_past_8_KB_is_a_400_that_says_so()
    {
        var page = await _client.GetPageAsync($"/exchange?path=/hello&method=POST&body={new string('a', 8 * 1024 + 1)}");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal("The exchange viewer refused this request: The body is 8,193 bytes; the viewer sends at most 8 KB.", page.Text("main p.refused"));
    }

    [Fact]
    public async Task A_refusal_quotes_the_input_HTML_encoded()
    {
        var page = await _client.GetPageAsync("/exchange?path=/hello&header=" + Uri.EscapeDataString("<script>alert(1)</script>: x"));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("“<script>alert(1)</script>” is not a token", page.Text("main p.refused"));
        Assert.Empty(page.Document.QuerySelector("main p.refused")!.Children);
    }

    [Fact]
    public async Task A_refusal_is_problem_JSON_for_a_client_that_asks_for_JSON()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/exchange?path=/hello&method=TRACE");
        request.Headers.Accept.ParseAdd("application/json");
        using var json = await _client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, json.StatusCode);
        Assert.Equal("application/problem+json", json.Content.Headers.ContentType?.MediaType);
        using var problem = System.Text.Json.JsonDocument.Parse(await json.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.StartsWith("The method “TRACE”", problem.RootElement.GetProperty("detail").GetString());
    }

    private static IReadOnlyList<string> Lines(AngleSharp.Dom.IElement section, string selector) =>
        section.QuerySelector(selector)!.TextContent.Trim().Split('\n').Select(line => line.TrimEnd('\r')).ToList();

    private const string NotAuthenticated = "<p class=\"auth\">[Not Authenticated]</p>";
}
