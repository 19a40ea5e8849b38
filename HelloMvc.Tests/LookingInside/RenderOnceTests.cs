using System.Net;
using HelloMvc.Tests.Infrastructure;
using HelloMvc.Tests.Languages;

namespace HelloMvc.Tests.LookingInside;

/// <summary>
/// The parts of a page rendered once and kept (the layout's header and scripts, a lesson's breadcrumb, Try it and path,
/// "The code"): each request still gets them in its own language and under its own path base, in whatever order the
/// requests come to one running site.
/// </summary>
public class RenderOnceTests(SiteFactory site, PathBaseSite pathBaseSite)
{
    // What of /http/methods is rendered once: the selectors of each part's words and of its links.
    private static readonly string[] Words =
        ["header.site-header nav", "nav.breadcrumb", "section#try-it h2", "nav.lesson-path", "section.the-code h2"];

    private static readonly string[] Links =
    [
        "header.site-header nav a", "nav.breadcrumb a", "section#try-it a.where-exchange", "nav.lesson-path a",
        "section.the-code .source-more a",
    ];

    [Fact]
    public async Task Parts_rendered_once_speak_the_language_of_each_request()
    {
        var client = site.CreateNoRedirectClient();
        var asked = new List<(string Language, IReadOnlyList<string> Words)>();
        foreach (var language in new[] { "en", "zh-Hans", "en", "zh-Hans" })
        {
            var page = await client.GetPageInAsync("/http/methods?culture=" + language, acceptLanguage: null);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            page.AssertSpeaks(language);
            asked.Add((language, [.. Words.Select(page.Text)]));
        }

        var (english, chinese) = (asked[0].Words, asked[1].Words);
        Assert.Equal(english, asked[2].Words);
        Assert.Equal(chinese, asked[3].Words);
        // Every part differs between the languages: none was served from the other language's copy.
        Assert.All(Words.Zip(english, chinese), part => Assert.NotEqual(part.Second, part.Third));
        Assert.True(Chinese.IsMostlyChinese(chinese[2]), chinese[2]);
    }

    [Fact]
    public async Task Parts_rendered_once_keep_the_path_base_of_each_request()
    {
        var client = pathBaseSite.CreateNoRedirectClient();
        // The same site answers with and without the prefix (UsePathBase leaves an unprefixed path alone), so one
        // running site renders the parts for both: first without, then with, then without again.
        var without = await client.GetPageAsync("/http/methods");
        var with = await client.GetPageAsync(SiteSettings.PathBase + "/http/methods");
        var withoutAgain = await client.GetPageAsync("/http/methods");

        Assert.All(new[] { without, with, withoutAgain }, page => Assert.Equal(HttpStatusCode.OK, page.Status));
        Assert.All(Links, selector =>
        {
            Assert.All(Hrefs(with, selector), href => Assert.StartsWith(SiteSettings.PathBase + "/", href));
            Assert.All(Hrefs(without, selector), href => Assert.DoesNotContain(SiteSettings.PathBase, href));
            Assert.Equal(Hrefs(without, selector), Hrefs(withoutAgain, selector));
        });
        Assert.Equal(SiteSettings.PathBase + "/progress", with.Document.QuerySelector("section#try-it")!.GetAttribute("data-progress"));
    }

    [Fact]
    public async Task A_task_done_from_a_terminal_names_the_host_of_each_request()
    {
        var client = site.CreateNoRedirectClient();
        foreach (var host in new[] { "one.example", "two.example" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/hello");
            request.Headers.Host = host;
            var page = await client.ParseAsync(request);

            Assert.Contains($"://{host}/hello'", page.Text("li[data-task=hello-curl] code.curl"));
        }
    }

    private static IReadOnlyList<string> Hrefs(Page page, string selector)
    {
        var links = page.Document.QuerySelectorAll(selector).Select(link => link.GetAttribute("href")!).ToList();
        Assert.True(links.Count > 0, $"no '{selector}' on the page");
        return links;
    }
}
