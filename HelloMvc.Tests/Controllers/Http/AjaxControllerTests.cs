using System.Net;
using System.Text.Json;
using HelloMvc.Tests.Infrastructure;
using HelloMvc.Web.Models;

namespace HelloMvc.Tests.Controllers.Http;

public class AjaxControllerTests(SiteFactory site)
{
    private const string Json = "application/json";

    private readonly HttpClient _client = site.CreateNoRedirectClient();

    [Fact]
    public async Task Post_shows_the_title_two_generated_paragraphs_and_a_Load_More_button()
    {
        var page = await _client.GetPageAsync("/http/post");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("text/html", page.MediaType);
        Assert.Equal("A very long post", page.Text("main h1"));
        Assert.Contains("Chapter 2: HTTP", page.Text("p.chapter"));
        var paragraphs = page.Document.QuerySelectorAll("div.body > p");
        Assert.Equal(2, paragraphs.Length);
        Assert.All(paragraphs, p => Assert.True(p.TextContent.Trim().Length > 40, p.TextContent));
        Assert.Equal("Load More", page.Text("button#load"));
        Assert.Equal("/http/more", page.Document.QuerySelector("button#load")!.GetAttribute("data-url"));
        Assert.Equal("2", page.Document.QuerySelector("button#load")!.GetAttribute("data-next-page"));
    }

    [Fact]
    public async Task Post_wires_comments_profile_and_delete_to_their_urls()
    {
        var page = await _client.GetPageAsync("/http/post");

        Assert.Equal("/http/comments/1", page.Document.QuerySelector("#show-comments")!.GetAttribute("data-url"));
        Assert.Equal("/http/post/delete/1", page.Document.QuerySelector("#delete")!.GetAttribute("data-url"));
        var profileUrl = page.Document.QuerySelector("#author")!.GetAttribute("data-url")!;
        Assert.Matches(@"^/http/profile/\d+$", profileUrl);
        // The name on the page is the username the profile JSON gives for that id.
        var profile = await GetJsonAsync(profileUrl);
        Assert.Equal(profile.GetProperty("username").GetString(), page.Text("#author"));
    }

    [Fact]
    public async Task Post_page_has_no_inline_script_and_no_script_from_another_host()
    {
        var page = await _client.GetPageAsync("/http/post");

        var scripts = page.Document.ScriptsBesideTheCodeSection();
        Assert.Equal(5, scripts.Count); // the layout's opened.js, language.js and try-it.js, jQuery, post.js
        Assert.All(scripts, script => Assert.True(string.IsNullOrWhiteSpace(script.TextContent), "inline script"));
        var sources = scripts.Select(script => script.GetAttribute("src") ?? "").ToList();
        Assert.All(sources, src => Assert.Matches("^/[^/]", src));
        // The layout's scripts, then jQuery, then the page's own script, each with a cache-busting version in its URL.
        Assert.StartsWith("/js/opened.", sources[0]);
        Assert.StartsWith("/js/language.", sources[1]);
        Assert.StartsWith("/js/try-it.", sources[2]);
        Assert.StartsWith("/lib/jquery/dist/jquery.min.", sources[3]);
        Assert.StartsWith("/js/post.", sources[4]);
        Assert.All(sources, src => Assert.NotEqual("/js/post.js", src));
        Assert.NotEqual("/lib/jquery/dist/jquery.min.js", sources[0]);
        // Inline event handlers are inline script too.
        var handlers = page.Document.All.SelectMany(e => e.Attributes).Where(a => a.Name.StartsWith("on"));
        Assert.Empty(handlers);
        foreach (var src in sources)
        {
            Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(src, TestContext.Current.CancellationToken)).StatusCode);
        }
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/hello")]
    [InlineData("/routes")]
    [InlineData("/no/such/page")]
    public async Task Only_the_post_page_loads_jQuery(string url)
    {
        var page = await _client.GetPageAsync(url);

        // Every page has the layout's own small script (the index's memory of opened lessons), never jQuery.
        Assert.DoesNotContain(page.Document.Scripts, script => script.Source!.Contains("jquery"));
    }

    [Fact]
    public async Task More_is_a_partial_view_of_paragraphs_without_the_layout()
    {
        var page = await _client.GetPageAsync("/http/more?page=2");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("text/html", page.MediaType);
        var paragraphs = page.Document.Body!.Children;
        Assert.Equal(GeneratedText.ParagraphsPerPage, paragraphs.Length);
        Assert.All(paragraphs, p => Assert.Equal("P", p.TagName));
        Assert.All(paragraphs, p => Assert.False(string.IsNullOrWhiteSpace(p.TextContent)));
        Assert.Null(page.Document.QuerySelector("title, link, header, nav, main, footer, h1, script"));
    }

    [Fact]
    public async Task More_without_a_page_is_page_1_which_is_how_the_post_opens()
    {
        var withoutPage = await ParagraphsAsync("/http/more");
        var pageOne = await ParagraphsAsync("/http/more?page=1");
        var post = await _client.GetPageAsync("/http/post");

        Assert.Equal(pageOne, withoutPage);
        Assert.Equal(pageOne, post.Document.QuerySelectorAll("div.body > p").Select(p => p.TextContent.Trim()));
    }

    [Fact]
    public async Task More_gives_the_same_page_the_same_text_and_another_page_other_text()
    {
        var first = await ParagraphsAsync("/http/more?page=2");
        var again = await ParagraphsAsync("/http/more?page=2");
        var next = await ParagraphsAsync("/http/more?page=3");

        Assert.Equal(first, again);
        Assert.Empty(first.Intersect(next));
    }

    [Fact]
    public async Task More_gives_the_same_text_after_a_restart()
    {
        var before = await ParagraphsAsync("/http/more?page=7");

        await using var restarted = new SiteFactory();
        var after = await restarted.CreateClient().GetPageAsync("/http/more?page=7");

        Assert.Equal(before, after.Document.QuerySelectorAll("p").Select(p => p.TextContent.Trim()));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("99999999999")]
    public async Task More_with_a_page_that_is_not_a_positive_whole_number_is_400(string value)
    {
        var page = await _client.GetPageAsync($"/http/more?page={Uri.EscapeDataString(value)}");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal("400 Bad Request", page.Text("main h1"));
    }

    [Fact]
    public async Task More_answers_JSON_with_the_same_paragraphs_as_the_partial_when_asked()
    {
        var partial = await ParagraphsAsync("/http/more?page=4");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/http/more?page=4");
        request.Headers.Accept.ParseAdd(Json);
        var response = await _client.SendAsync(request, TestContext.Current.CancellationToken);
        var json = await ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Json, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Accept", response.Headers.Vary);
        Assert.Equal(["page", "paragraphs"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(4, json.GetProperty("page").GetInt32());
        Assert.Equal(partial, json.GetProperty("paragraphs").EnumerateArray().Select(p => p.GetString()!));
    }

    [Fact]
    public async Task Comments_is_a_partial_list_the_same_for_the_same_post_and_other_for_another()
    {
        var page = await _client.GetPageAsync("/http/comments/1");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("text/html", page.MediaType);
        Assert.Null(page.Document.QuerySelector("title, header, main, footer"));
        var comments = page.Document.QuerySelectorAll("ul.comment-list > li.comment");
        Assert.InRange(comments.Length, 3, 5);
        Assert.All(comments, c => Assert.False(string.IsNullOrWhiteSpace(c.QuerySelector(".comment-author")?.TextContent)));

        var again = await _client.GetPageAsync("/http/comments/1");
        var other = await _client.GetPageAsync("/http/comments/2");
        Assert.Equal(page.Document.Body!.InnerHtml, again.Document.Body!.InnerHtml);
        Assert.NotEqual(page.Document.Body!.InnerHtml, other.Document.Body!.InnerHtml);
    }

    [Fact]
    public async Task Profile_is_JSON_with_a_username_and_a_bio_the_same_for_the_same_user()
    {
        var response = await _client.GetAsync("/http/profile/1", TestContext.Current.CancellationToken);
        var profile = await ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Json, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["username", "bio"], profile.EnumerateObject().Select(p => p.Name));
        Assert.All(profile.EnumerateObject(), p => Assert.False(string.IsNullOrWhiteSpace(p.Value.GetString())));
        Assert.Equal(profile.ToString(), (await GetJsonAsync("/http/profile/1")).ToString());
        Assert.NotEqual(profile.ToString(), (await GetJsonAsync("/http/profile/2")).ToString());
    }

    [Theory]
    [InlineData("/http/comments/abc")]
    [InlineData("/http/comments/0")]
    [InlineData("/http/comments/-1")]
    [InlineData("/http/comments/99999999999")]
    [InlineData("/http/profile/x")]
    [InlineData("/http/profile/1.5")]
    public async Task A_bad_id_is_404_before_any_action_runs(string url)
    {
        var page = await _client.GetPageAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("404 Not Found", page.Text("main h1"));
    }

    [Fact]
    public async Task Delete_is_204_with_an_empty_body_and_needs_no_token()
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, "/http/post/delete/1");
        var response = await _client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Get_on_delete_is_405_with_an_Allow_header_naming_DELETE()
    {
        var page = await _client.GetPageAsync("/http/post/delete/1");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, page.Status);
        Assert.Equal(["DELETE"], page.Response.Content.Headers.Allow);
        Assert.Equal("405 Method Not Allowed", page.Text("main h1"));
    }

    private async Task<IReadOnlyList<string>> ParagraphsAsync(string url)
    {
        var page = await _client.GetPageAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return page.Document.QuerySelectorAll("p").Select(p => p.TextContent.Trim()).ToList();
    }

    private async Task<JsonElement> GetJsonAsync(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd(Json);
        return await ReadJsonAsync(await _client.SendAsync(request, TestContext.Current.CancellationToken));
    }

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
}
