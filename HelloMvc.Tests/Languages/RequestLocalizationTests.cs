using System.Net;
using HelloMvc.Tests.Infrastructure;

namespace HelloMvc.Tests.Languages;

/// <summary>
/// Which language a request gets (?culture=, then the switch's cookie, then Accept-Language), and that everything a
/// learner reads then speaks it: on a real socket, where Content-Language and the output cache are what a client sees.
/// </summary>
public class RequestLocalizationTests(KestrelSite site)
{
    private readonly HttpClient _client = site.CreateWireClient(handleCookies: false);

    [Theory]
    [InlineData("zh")]
    [InlineData("zh-CN")]
    [InlineData("zh-Hans")]
    [InlineData("zh-SG")]
    [InlineData("zh-CN,zh;q=0.9,en;q=0.8")]
    [InlineData("fr;q=0.9, zh-cn")]
    public async Task Accept_Language_for_Simplified_Chinese_gets_the_page_in_Chinese(string acceptLanguage)
    {
        var page = await _client.GetPageInAsync("/hello/greet/Grey", acceptLanguage);

        page.AssertSpeaks("zh-Hans");
        Assert.True(Chinese.IsMostlyChinese(page.Explanation()), page.Explanation());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("en-US")]
    [InlineData("fr")]
    [InlineData("zh-TW")]
    public async Task Any_other_Accept_Language_gets_the_page_in_English(string? acceptLanguage)
    {
        var page = await _client.GetPageInAsync("/hello/greet/Grey", acceptLanguage);

        page.AssertSpeaks("en");
        Assert.StartsWith("The route template", page.Explanation().Trim());
    }

    [Fact]
    public async Task Query_culture_zh_Hans_works_on_its_own()
    {
        var page = await _client.GetPageInAsync("/http/hello?culture=zh-Hans", acceptLanguage: null);

        page.AssertSpeaks("zh-Hans");
        Assert.True(Chinese.IsMostlyChinese(page.Explanation()), page.Explanation());
    }

    [Fact]
    public async Task The_query_comes_before_the_cookie_and_the_cookie_before_Accept_Language()
    {
        var queryOverCookie = await _client.GetPageInAsync("/hello?culture=en", "zh-CN", cultureCookie: "c=zh-Hans|uic=zh-Hans");
        var cookieOverHeader = await _client.GetPageInAsync("/hello", "zh-CN", cultureCookie: "c=en|uic=en");
        var cookieAlone = await _client.GetPageInAsync("/hello", "en-US", cultureCookie: "c%3Dzh-Hans%7Cuic%3Dzh-Hans");

        queryOverCookie.AssertSpeaks("en");
        cookieOverHeader.AssertSpeaks("en");
        cookieAlone.AssertSpeaks("zh-Hans");
    }

    [Fact]
    public async Task Without_Accept_Language_the_index_is_in_English_as_before()
    {
        var page = await _client.GetPageInAsync("/", acceptLanguage: null);

        page.AssertSpeaks("en");
        Assert.Equal("Learn HTTP and MVC, one page at a time", page.Text("main h1"));
        Assert.Equal(0, Chinese.Ideographs(page.MainText()));
    }

    [Fact]
    public async Task Every_page_the_index_links_to_speaks_Chinese_when_asked_in_Chinese()
    {
        var index = await _client.GetPageInAsync("/", "zh-CN");
        index.AssertSpeaks("zh-Hans");
        // The lesson pages, their exchanges and their code; a raw answer (li.raw a.open) is no page of the site.
        var links = index.Document.QuerySelectorAll("li.demo a[href]")
            .Where(link => !(link.Closest("li.raw") is not null && link.ClassList.Contains("open")))
            .Select(link => link.GetAttribute("href")!)
            .Distinct()
            .ToList();
        Assert.True(links.Count > 60, $"{links.Count} links");

        var english = new List<string>();
        foreach (var url in links)
        {
            var page = await _client.GetPageInAsync(url, "zh-CN");
            if (page.Status is >= HttpStatusCode.Redirect and < HttpStatusCode.BadRequest)
            {
                continue; // a redirect a link opens raw, to another site: its exchange is on the list
            }
            page.AssertSpeaks("zh-Hans");
            if (!Chinese.IsMostlyChinese(page.Explanation())) english.Add($"{url}: {page.Explanation().Trim()}");
        }
        Assert.Empty(english);
        // Nothing any Chinese page asked its localizers for (this walk, and every other test's) lacked its Chinese.
        Assert.Empty(site.Untranslated.Keys.Order());
    }

    [Theory]
    [InlineData("GET", "/http/admin", HttpStatusCode.Forbidden)]
    [InlineData("GET", "/http/404", HttpStatusCode.NotFound)]
    [InlineData("GET", "/no/such/page", HttpStatusCode.NotFound)]
    [InlineData("PUT", "/http/methods", HttpStatusCode.MethodNotAllowed)]
    [InlineData("GET", "/http/brew/coffee", (HttpStatusCode)418)]
    [InlineData("GET", "/hello/error", HttpStatusCode.InternalServerError)]
    public async Task Error_pages_are_in_Chinese_with_the_status_line_as_HTTP_has_it(string method, string url, HttpStatusCode status)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        request.Headers.TryAddWithoutValidation("Accept-Language", "zh-CN");
        request.Headers.TryAddWithoutValidation("Accept", "text/html");
        var page = await _client.ParseAsync(request);

        Assert.Equal(status, page.Status);
        page.AssertSpeaks("zh-Hans");
        Assert.Equal($"{(int)status} {Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase((int)status)}", page.Text(".error-page h1"));
        var words = page.Document.QuerySelector(".error-page")!.TextContent;
        Assert.True(Chinese.IsMostlyChinese(words), words);
        Assert.True(Chinese.Ideographs(page.Text(".next-title")) > 0);
    }

    [Fact]
    public async Task The_output_cache_never_serves_one_language_to_the_other()
    {
        string[] asked = ["en", "zh-CN", "en", "zh-CN", "en-US", "zh"];
        var spoken = new List<string>();
        foreach (var language in asked)
        {
            var page = await _client.GetPageInAsync("/http/post", language);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            spoken.Add($"{page.Document.DocumentElement.GetAttribute("lang")} {page.Response.Content.Headers.ContentLanguage.Single()} " +
                       (Chinese.Ideographs(page.Text("main h1")) > 0 ? "zh" : "en"));
            Assert.Contains("Accept-Language", page.Response.Headers.Vary);
        }

        Assert.Equal(new[] { "en en en", "zh-Hans zh-Hans zh", "en en en", "zh-Hans zh-Hans zh", "en en en", "zh-Hans zh-Hans zh" }, spoken);
    }

    [Fact]
    public async Task A_page_cached_in_one_language_has_another_ETag_in_the_other()
    {
        var english = await _client.GetPageInAsync("/", "en");
        var chinese = await _client.GetPageInAsync("/", "zh-CN");

        Assert.NotEqual(english.Response.Headers.ETag, chinese.Response.Headers.ETag);
    }

    [Fact]
    public async Task The_demos_answers_stay_as_the_note_prints_them()
    {
        var hello = await _client.GetPageInAsync("/http/hello", "zh-CN");
        var teapot = await _client.GetPageInAsync("/http/brew/tea", "zh-CN");
        var greet = await _client.GetPageInAsync("/hello/greet", "zh-CN");

        Assert.Equal("Hello, Human!", hello.Text("main h1"));
        Assert.Equal("[Not Authenticated]", hello.Text("p.auth"));
        Assert.Equal("A drop of tea.", teapot.Text("main h1"));
        Assert.Equal("Hello, Programmer!", greet.Text("main h1"));
    }

    [Fact]
    public async Task After_logging_in_the_Chinese_pages_still_say_Authenticated_and_Welcome_to_admin_page()
    {
        using var browser = site.CreateWireClient();
        browser.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", "zh-CN");
        await browser.GetAsync("/http/login", TestContext.Current.CancellationToken);

        var hello = await browser.GetPageAsync("/http/hello");
        var admin = await browser.GetPageAsync("/http/admin");

        hello.AssertSpeaks("zh-Hans");
        Assert.Equal("[Authenticated]", hello.Text("p.auth"));
        Assert.Equal("Welcome to admin page.", admin.Text("main h1"));
        Assert.True(Chinese.IsMostlyChinese(admin.Explanation()), admin.Explanation());
    }
}
