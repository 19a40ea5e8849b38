using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using HelloMvc.Tests.Infrastructure;
using HelloMvc.Web.LookingInside.Catalog;

namespace HelloMvc.Tests.Hosting.Proxy;

/// <summary>The site under PathBase=/hellomvc, in memory: links, AJAX, redirects and error pages keep the prefix.</summary>
public class PathBaseTests(PathBaseSite site)
{
    private const string Base = SiteSettings.PathBase;
    private readonly HttpClient _client = site.CreateNoRedirectClient();

    private static IEnumerable<Demo> Demos => DemoCatalog.Chapters.SelectMany(chapter => chapter.Sections).SelectMany(section => section.Demos);

    [Fact]
    public async Task Index_links_every_demo_and_its_exchange_under_the_path_base()
    {
        var index = await _client.GetPageAsync(Base + "/");

        Assert.Equal(HttpStatusCode.OK, index.Status);
        var demos = index.Document.QuerySelectorAll("li.demo").ToList();
        Assert.Equal(Demos.Select(demo => Base + demo.Path), demos.Select(demo => demo.QuerySelector("a.open")!.GetAttribute("href")));
        Assert.Equal(Demos.Select(demo => demo.Path), demos.Select(demo => demo.QuerySelector("a code")!.TextContent));
        Assert.Equal(
            Demos.Where(demo => demo.HasExchange).Select(demo => Base + "/exchange?path=" + Uri.EscapeDataString(demo.Path)),
            demos.Select(demo => demo.QuerySelector("a.exchange")?.GetAttribute("href")).OfType<string>());
    }

    [Fact]
    public async Task Try_it_and_the_learner_cookie_live_under_the_path_base()
    {
        var client = site.CreateNoRedirectClient();
        var methods = await client.GetPageAsync(Base + "/http/methods");
        Assert.Equal(Base + "/progress", methods.Document.QuerySelector("section#try-it")!.GetAttribute("data-progress"));
        Assert.Equal(Base + "/exchange?path=%2Fhttp%2Fmethods", methods.Document.QuerySelector("li[data-task=methods-405] a.where-exchange")!.GetAttribute("href"));

        var progress = await client.GetAsync(Base + "/progress", TestContext.Current.CancellationToken);
        Assert.Contains("path=/hellomvc", progress.SetCookie(HelloMvc.Web.TryIt.Learners.CookieName).Split("; "));
        using var put = new HttpRequestMessage(HttpMethod.Put, Base + "/http/methods");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await client.SendAsync(put, TestContext.Current.CancellationToken)).StatusCode);

        var json = await client.GetPageAsync(Base + "/progress", "application/json");
        var solve = JsonDocument.Parse(json.Document.Body!.TextContent).RootElement.GetProperty("solved")[0];
        Assert.Equal("PUT /http/methods", solve.GetProperty("request").GetString());
    }

    [Fact]
    public async Task Every_index_link_answers_under_the_path_base_with_the_status_it_promises()
    {
        var index = await _client.GetPageAsync(Base + "/");
        // The exchange viewer needs a real socket (in memory it says so with a 503); PathBaseOnTheWireTests walks it.
        var demos = index.Document.QuerySelectorAll("li.demo")
            .Where(demo => !demo.QuerySelector("a.open")!.GetAttribute("href")!.StartsWith(Base + "/exchange", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(demos);

        var broken = new List<string>();
        foreach (var demo in demos)
        {
            var href = demo.QuerySelector("a.open")!.GetAttribute("href")!;
            var promised = demo.QuerySelector(".status")?.TextContent is { } label ? int.Parse(Regex.Match(label, @"^\d{3}").Value) : 200;
            var response = await site.CreateNoRedirectClient().GetAsync(href, TestContext.Current.CancellationToken);
            if ((int)response.StatusCode != promised)
            {
                broken.Add($"{href}: promised {promised}, answered {(int)response.StatusCode}");
            }
        }
        Assert.Empty(broken);
    }

    [Theory]
    [InlineData("/http/hi")]
    [InlineData("/http/set/Grey")]
    [InlineData("/http/login")]
    [InlineData("/http/logout")]
    [InlineData("/http/do-something")]
    public async Task Redirects_to_the_hello_page_keep_the_path_base(string path)
    {
        var response = await _client.GetAsync(Base + path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal(Base + "/http/hello", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Created_names_a_Location_under_the_path_base_that_answers()
    {
        var response = await _client.GetAsync(Base + "/http/created", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("http://localhost/hellomvc/http/note/json", response.Headers.Location?.OriginalString);
        var created = await _client.GetAsync(response.Headers.Location, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
    }

    [Theory]
    [InlineData("/http/foo")]
    [InlineData("/http/bar")]
    public async Task Redirect_back_returns_to_the_page_the_browser_saw_under_the_path_base(string path)
    {
        var page = await _client.GetPageAsync(Base + path);
        var link = page.Document.QuerySelector("a#do-something")!.GetAttribute("href");

        Assert.Equal(Base + "/http/do-something?next=" + Uri.EscapeDataString(Base + path), link);
        var response = await _client.GetAsync(link, TestContext.Current.CancellationToken);
        Assert.Equal(Base + path, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Redirect_back_returns_to_a_Referer_under_the_path_base()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Base + "/http/do-something");
        request.Headers.Referrer = new Uri("http://localhost/hellomvc/http/bar?x=1");

        var response = await _client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(Base + "/http/bar?x=1", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_post_page_scripts_and_AJAX_endpoints_answer_under_the_path_base()
    {
        var post = await _client.GetPageAsync(Base + "/http/post");
        string DataUrl(string id) => post.Document.GetElementById(id)!.GetAttribute("data-url")!;

        Assert.Equal(Base + "/http/more", DataUrl("load"));
        Assert.StartsWith(Base + "/http/comments/", DataUrl("show-comments"));
        Assert.StartsWith(Base + "/http/profile/", DataUrl("author"));
        Assert.StartsWith(Base + "/http/post/delete/", DataUrl("delete"));
        var scripts = post.Document.ScriptsBesideTheCodeSection().Select(script => script.GetAttribute("src")!).ToList();
        Assert.Equal(5, scripts.Count); // the layout's opened.js, language.js and try-it.js, jQuery, post.js
        foreach (var script in scripts)
        {
            Assert.StartsWith(Base + "/", script);
            Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(script, TestContext.Current.CancellationToken)).StatusCode);
        }

        var more = await _client.GetPageAsync(DataUrl("load") + "?page=2");
        Assert.Equal(HttpStatusCode.OK, more.Status);
        Assert.NotEmpty(more.Document.QuerySelectorAll("p"));
        Assert.Null(more.Document.QuerySelector("header.site-header"));

        using var asJson = new HttpRequestMessage(HttpMethod.Get, DataUrl("load") + "?page=2");
        asJson.Headers.Accept.ParseAdd("application/json");
        var json = await ReadJsonAsync(await _client.SendAsync(asJson, TestContext.Current.CancellationToken));
        Assert.Equal(2, json.GetProperty("page").GetInt32());
        Assert.Equal(
            more.Document.QuerySelectorAll("p").Select(p => p.TextContent.Trim()),
            json.GetProperty("paragraphs").EnumerateArray().Select(p => p.GetString()));

        var comments = await _client.GetPageAsync(DataUrl("show-comments"));
        Assert.Equal(HttpStatusCode.OK, comments.Status);
        Assert.NotEmpty(comments.Document.QuerySelectorAll("li"));

        var profile = await ReadJsonAsync(await _client.GetAsync(DataUrl("author"), TestContext.Current.CancellationToken));
        Assert.False(string.IsNullOrEmpty(profile.GetProperty("username").GetString()));

        var deleted = await _client.DeleteAsync(DataUrl("delete"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
    }

    [Theory]
    [InlineData("/no-such-page", HttpStatusCode.NotFound)]
    [InlineData("/http/brew/coffee", (HttpStatusCode)418)]
    [InlineData("/hello/error", HttpStatusCode.InternalServerError)]
    public async Task Error_pages_link_home_under_the_path_base(string path, HttpStatusCode status)
    {
        var page = await _client.GetPageAsync(Base + path);

        Assert.Equal(status, page.Status);
        Assert.Equal(Base + "/", page.Document.QuerySelector("a.home")?.GetAttribute("href"));
        Assert.Equal(Base + "/routes", page.Document.QuerySelector("nav a[href$='/routes']")?.GetAttribute("href"));
    }

    [Fact]
    public async Task The_layout_stylesheet_and_navigation_are_under_the_path_base()
    {
        var page = await _client.GetPageAsync(Base + "/routes");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotEmpty(page.Document.QuerySelectorAll("#routes tbody tr"));
        Assert.Equal(
            [Base + "/", Base + "/", Base + "/#chapter-1", Base + "/#chapter-2", Base + "/routes", Base + "/progress", Base + "/class"],
            page.Document.QuerySelectorAll("header.site-header a").Select(a => a.GetAttribute("href")));
        var stylesheet = page.Document.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        Assert.StartsWith(Base + "/css/site", stylesheet);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(stylesheet, TestContext.Current.CancellationToken)).StatusCode);
    }

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
    }
}
