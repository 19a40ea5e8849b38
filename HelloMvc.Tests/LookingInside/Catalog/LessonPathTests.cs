using System.Net;
using HelloMvc.Tests.Infrastructure;
using HelloMvc.Web.LookingInside.Catalog;

namespace HelloMvc.Tests.LookingInside.Catalog;

/// <summary>Every lesson page, as a client on a real socket receives it: its place, its neighbours, its instruments.</summary>
public class LessonPathTests(KestrelSite site)
{
    public static TheoryData<string> PagePaths => new(LessonPath.Pages.Select(lesson => lesson.Demo.Path));

    public static TheoryData<string> RawPaths => new(LessonPath.Placed.Where(lesson => lesson.Demo.OpensRaw).Select(lesson => lesson.Demo.Path));

    // A fresh visitor for each page: no session, no cookie (so /http/admin is its 403).
    private async Task<Page> OpenAsync(string path)
    {
        using var client = site.CreateWireClient();
        return await client.GetPageAsync(path);
    }

    [Fact]
    public async Task Following_rel_next_from_hello_visits_every_lesson_page_once_in_the_index_order()
    {
        var visited = new List<string>();
        string? next = "/hello";
        while (next is not null && visited.Count <= LessonPath.Placed.Count)
        {
            visited.Add(next);
            var page = await OpenAsync(next);
            Assert.Single(page.Document.QuerySelectorAll("a[rel=next], main a.last"));
            next = page.Document.QuerySelector("a[rel=next]")?.GetAttribute("href");
        }

        Assert.Equal(LessonPath.Pages.Select(lesson => lesson.Demo.Path), visited);
        Assert.Equal(visited.Count, visited.Distinct().Count());
        // Chapter 1, then chapter 2, then the site's own instruments.
        Assert.Equal("/hello", visited[0]);
        Assert.True(visited.IndexOf("/http/hello") > visited.IndexOf("/hello/greet/Grey"));
    }

    [Fact]
    public async Task Following_rel_prev_from_the_last_lesson_walks_back_to_hello()
    {
        var visited = new List<string>();
        string? previous = LessonPath.Pages[^1].Demo.Path;
        while (previous is not null && visited.Count <= LessonPath.Placed.Count)
        {
            visited.Add(previous);
            previous = (await OpenAsync(previous)).Document.QuerySelector("a[rel=prev]")?.GetAttribute("href");
        }

        Assert.Equal(LessonPath.Pages.Select(lesson => lesson.Demo.Path).Reverse(), visited);
    }

    [Fact]
    public async Task Every_demo_of_the_index_is_either_a_lesson_page_with_the_layout_or_marked_raw()
    {
        var wrong = new List<string>();
        foreach (var lesson in LessonPath.Placed.Where(lesson => lesson.Demo.Method == "GET"))
        {
            using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false }) { BaseAddress = site.BaseAddress };
            var page = await client.GetPageAsync(lesson.Demo.Path);
            var hasLayout = page.Document.QuerySelector("header.site-header") is not null;
            if (hasLayout == lesson.Demo.OpensRaw)
            {
                wrong.Add($"{lesson.Demo.Path}: {(hasLayout ? "renders the layout but is marked raw" : "answers without the layout; mark it RawAnswer")}");
            }
        }
        Assert.Empty(wrong);
    }

    [Theory]
    [MemberData(nameof(PagePaths))]
    public async Task Every_lesson_links_its_own_exchange_and_its_code(string path)
    {
        var page = await OpenAsync(path);
        var lesson = LessonPath.Pages.Single(lesson => lesson.Demo.Path == path);

        var exchange = page.Document.QuerySelector("p.watch a.exchange")?.GetAttribute("href");
        Assert.Equal(path.StartsWith("/exchange") ? null : "/exchange?path=" + Uri.EscapeDataString(path), exchange);
        var code = page.Document.QuerySelector("p.watch a.code")?.GetAttribute("href");
        Assert.Equal("/source" + lesson.Demo.PathOnly, code);
        using var client = site.CreateWireClient();
        using var source = await client.GetAsync(code, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, source.StatusCode);
    }

    [Theory]
    [MemberData(nameof(PagePaths))]
    public async Task Every_lesson_names_its_chapter_and_the_study_notes_section_and_links_them_on_the_index(string path)
    {
        var page = await OpenAsync(path);
        var lesson = LessonPath.Pages.Single(lesson => lesson.Demo.Path == path);
        var index = await OpenAsync("/");

        var crumbs = page.Document.QuerySelectorAll("nav.breadcrumb a").Select(a => (a.GetAttribute("href"), a.TextContent.Trim())).ToList();
        Assert.Equal([("/", "Index"), ("/#" + lesson.Chapter.Id, lesson.Chapter.Title), ("/#" + lesson.SectionAnchor, lesson.Section.Title)], crumbs);
        Assert.NotNull(index.Document.GetElementById(lesson.Chapter.Id));
        Assert.Equal(lesson.Section.Title, index.Document.GetElementById(lesson.SectionAnchor)?.FirstChild?.TextContent.Trim());
        var note = page.Document.QuerySelector("nav.breadcrumb [lang=zh]");
        Assert.Equal(lesson.Section.Note.Length > 0 ? lesson.Section.Note : null, note?.TextContent);
    }

    [Theory]
    [InlineData("/http/hello", "请求钩子", false)]
    [InlineData("/http/hello", "Request 对象", true)]
    [InlineData("/hello/hi", "一个视图可以绑定多个URL", true)]
    [InlineData("/http/admin", "session", true)]
    [InlineData("/http/foo", "重定向回上一个页面", true)]
    [InlineData("/http/post", "使用AJAX技术发送异步请求", true)]
    [InlineData("/http/goback/12", "URL处理", true)] // not a demo of the index: found by the action it lands on
    [InlineData("/http/colors/pink", "URL处理", true)] // refused by the same route as /http/colors/green
    public async Task A_page_names_the_study_notes_section_verbatim(string path, string note, bool named)
    {
        var page = await OpenAsync(path);

        Assert.Equal(named, page.Document.QuerySelector("nav.breadcrumb [lang=zh]")?.TextContent == note);
    }

    [Fact]
    public async Task The_page_before_raw_answers_links_their_exchanges_on_the_way()
    {
        var page = await OpenAsync("/http/g?name=Grey");

        Assert.Equal("/http/brew/tea", page.Document.QuerySelector("a[rel=next]")?.GetAttribute("href"));
        Assert.Equal(
            new[] { "/http/hi", "/http/redirect", "/http/created" }.Select(path => "/exchange?path=" + Uri.EscapeDataString(path)),
            page.Document.QuerySelectorAll(".stepped-over a.exchange").Select(a => a.GetAttribute("href")));
    }

    [Theory]
    [MemberData(nameof(RawPaths))]
    public async Task The_index_links_a_raw_answer_to_its_exchange_first_and_says_the_raw_link_opens_a_raw_response(string path)
    {
        var index = await OpenAsync("/");

        var item = index.Document.QuerySelectorAll("li.demo").Single(li => li.QuerySelector("a.open")?.GetAttribute("href") == path);
        Assert.Contains("raw", item.ClassList);
        Assert.Equal("/exchange?path=" + Uri.EscapeDataString(path), item.QuerySelector("a")?.GetAttribute("href"));
        Assert.Equal("open the raw response", item.QuerySelector("a.open")?.TextContent.Trim());
    }

    [Fact]
    public async Task The_exchange_link_carries_the_url_as_it_travels_percent_encoded()
    {
        var page = await OpenAsync("/hello/greet/Zo%C3%AB");

        Assert.Equal("/exchange?path=%2Fhello%2Fgreet%2FZo%25C3%25AB", page.Document.QuerySelector("p.watch a.exchange")?.GetAttribute("href"));
    }

    [Theory]
    [InlineData("/http/brew/a%2500b", HttpStatusCode.OK)] // a decoded path holding "%00": the viewer's check must not see it
    [InlineData("/http/goback/%2500", HttpStatusCode.NotFound)]
    public async Task A_path_with_an_encoded_percent_still_gets_its_lesson_page_not_a_500(string path, HttpStatusCode status)
    {
        var page = await OpenAsync(path);

        Assert.Equal(status, page.Status);
        Assert.NotNull(page.Document.QuerySelector("nav.breadcrumb"));
    }
}
