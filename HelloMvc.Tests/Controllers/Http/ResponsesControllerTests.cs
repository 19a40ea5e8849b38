using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using HelloMvc.Tests.Infrastructure;

namespace HelloMvc.Tests.Controllers.Http;

public class ResponsesControllerTests(SiteFactory site, KestrelSite wire, PathBaseSite underPathBase)
{
    private readonly HttpClient _client = site.CreateNoRedirectClient();

    private Task<HttpResponseMessage> GetAsync(string url) => _client.GetAsync(url, TestContext.Current.CancellationToken);

    [Fact]
    public async Task Hi_redirects_to_the_hello_page_by_its_generated_url()
    {
        var response = await GetAsync("/http/hi");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/http/hello", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Redirect_sends_the_browser_to_another_site()
    {
        var response = await GetAsync("/http/redirect");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("https://www.example.com", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Created_is_201_with_a_body_and_a_Location_on_this_site_that_answers_200()
    {
        var response = await GetAsync("/http/created");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal("localhost", location.Host);
        Assert.Equal("/http/note/json", location.AbsolutePath);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("Peter", body.RootElement.GetProperty("note").GetProperty("to").GetString());
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(location.PathAndQuery)).StatusCode);
    }

    [Fact]
    public async Task Brew_coffee_is_418_on_the_error_page()
    {
        var page = await _client.GetPageAsync("/http/brew/coffee");

        Assert.Equal((HttpStatusCode)418, page.Status);
        Assert.Equal("418 I'm a teapot", page.Text("main h1"));
    }

    [Theory]
    [InlineData("tea")]
    [InlineData("\"cocoa\" & <b>milk")]
    public async Task Brew_anything_else_is_a_drop_of_tea(string drink)
    {
        var page = await _client.GetPageAsync($"/http/brew/{Uri.EscapeDataString(drink)}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("A drop of tea.", page.Text("main h1"));
        Assert.Equal(drink, page.Text("main .explain code"));
    }

    [Fact]
    public async Task Brew_a_blank_drink_is_a_drop_of_tea_not_a_500()
    {
        // A whitespace-only route value binds as its own text (Routing/RouteTextModelBinder), not as null.
        var page = await _client.GetPageAsync("/http/brew/%20");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("A drop of tea.", page.Text("main h1"));
    }

    [Fact]
    public async Task The_404_action_aborts_with_the_sites_404_page()
    {
        var page = await _client.GetPageAsync("/http/404");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("404 Not Found", page.Text("main h1"));
    }

    [Theory]
    [InlineData("/http/note")]
    [InlineData("/http/note/text")]
    [InlineData("/http/note/TEXT")]
    public async Task Note_as_text_is_bare_plain_text(string url)
    {
        var response = await GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(
            "Note\nto: Peter\nfrom: Jane\nheading: Reminder\nbody: Don't forget the party!\n",
            await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Note_as_html_is_its_own_small_document_without_the_layout()
    {
        var page = await _client.GetPageAsync("/http/note/html");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("text/html", page.MediaType);
        Assert.Equal("Note", page.Text("h1"));
        Assert.Contains("Don't forget the party!", page.Document.Body!.TextContent);
        Assert.Null(page.Document.QuerySelector(".site-header"));
    }

    [Fact]
    public async Task Note_as_xml_is_well_formed_application_xml()
    {
        var response = await GetAsync("/http/note/xml");

        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        var note = XDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Root!;
        Assert.Equal("note", note.Name.LocalName);
        Assert.Equal(["Peter", "Jane", "Reminder", "Don't forget the party!"], note.Elements().Select(e => e.Value));
        Assert.Equal(["to", "from", "heading", "body"], note.Elements().Select(e => e.Name.LocalName));
    }

    [Theory]
    [InlineData("/http/note/json")]
    [InlineData("/http/note/JSON")]
    public async Task Note_as_json_is_the_note_object(string url)
    {
        var response = await GetAsync(url);

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var note = body.RootElement.GetProperty("note");
        Assert.Equal("Peter", note.GetProperty("to").GetString());
        Assert.Equal("Jane", note.GetProperty("from").GetString());
        Assert.Equal("Reminder", note.GetProperty("heading").GetString());
        Assert.Equal("Don't forget the party!", note.GetProperty("body").GetString());
    }

    [Theory]
    [InlineData("pdf")]
    [InlineData("%3Cscript%3E")]
    [InlineData("json5")]
    [InlineData("%20")] // whitespace only: bound as its text, still not a known type
    public async Task Note_in_an_unknown_type_is_400(string type)
    {
        var page = await _client.GetPageAsync($"/http/note/{type}");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal("400 Bad Request", page.Text("main h1"));
    }

    // Whitespace-only route values reach the action as the text they are, as in Flask: the note's type is not one it knows.
    [Theory]
    [InlineData("/http/note/%0D%0A")]
    [InlineData("/http/note/%09")]
    [InlineData("/http/note/%E2%80%A8")]
    public async Task Note_of_a_whitespace_only_type_is_400_on_the_wire(string url)
    {
        var response = await RawHttp.GetAsync(wire.BaseAddress, url, ("Accept", "text/html"));

        Assert.Equal(400, response.Status);
        Assert.Equal("text/html", response.MediaType);
    }

    [Theory]
    [InlineData("/http/brew/%E2%80%A8", "\u2028")]
    [InlineData("/http/brew/%20", " ")]
    public async Task Brew_of_a_whitespace_only_drink_is_tea_on_the_wire(string url, string drink)
    {
        var page = await wire.CreateWireClient().GetPageAsync(url);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("A drop of tea.", page.Text("main h1"));
        Assert.Equal(drink, page.Document.QuerySelector("main p.explain code")?.TextContent);
    }

    [Fact]
    public async Task Response_built_by_hand_is_a_bare_202_with_its_media_type_header_cookie_and_body()
    {
        var response = await GetAsync("/http/response");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("make_response", Assert.Single(response.Headers.GetValues("X-Lesson")));
        Assert.Equal("flavour=chocolate; path=/; samesite=lax; httponly", Assert.Single(response.Headers.GetValues("Set-Cookie")));
        Assert.Equal("Built by hand.", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Response_built_by_hand_carries_the_same_bytes_on_the_wire()
    {
        var response = await RawHttp.GetAsync(wire.BaseAddress, "/http/response", ("Accept", "text/html"));

        Assert.Equal("HTTP/1.1 202 Accepted", response.StatusLine);
        Assert.Equal("text/plain; charset=utf-8", response.Header("Content-Type"));
        Assert.Equal("make_response", response.Header("X-Lesson"));
        Assert.Equal("flavour=chocolate; path=/; samesite=lax; httponly", response.Header("Set-Cookie"));
        Assert.Equal("Built by hand."u8.ToArray(), response.Body);
    }

    [Fact]
    public async Task Response_built_by_hand_sets_its_cookie_for_the_path_base()
    {
        var response = await underPathBase.CreateNoRedirectClient().GetAsync(SiteSettings.PathBase + "/http/response", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("flavour=chocolate; path=/hellomvc; samesite=lax; httponly", Assert.Single(response.Headers.GetValues("Set-Cookie")));
    }
}
