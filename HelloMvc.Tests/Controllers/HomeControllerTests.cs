using System.Net;
using System.Text.RegularExpressions;
using HelloMvc.Tests.Infrastructure;
using HelloMvc.Web.LookingInside.Catalog;

namespace HelloMvc.Tests.Controllers;

public class HomeControllerTests(SiteFactory site, KestrelSite wire)
{
    private readonly HttpClient _client = site.CreateNoRedirectClient();

    [Fact]
    public async Task Index_lists_every_demo_of_the_catalog_under_its_chapter_and_section()
    {
        var page = await _client.GetPageAsync("/");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        foreach (var chapter in DemoCatalog.Chapters)
        {
            var block = page.Document.GetElementById(chapter.Id);
            Assert.NotNull(block);
            Assert.Equal(chapter.Title, block.QuerySelector("h2")?.TextContent.Trim());
            var links = block.QuerySelectorAll("li.demo a.open").Select(a => a.GetAttribute("href")).ToList();
            Assert.Equal(chapter.Sections.SelectMany(s => s.Demos).Select(d => d.Path), links);
            Assert.All(block.QuerySelectorAll("li.demo .explains"), e => Assert.False(string.IsNullOrWhiteSpace(e.TextContent)));
        }
    }

    [Fact]
    public async Task Every_link_on_the_index_answers_with_the_status_its_text_promises()
    {
        var index = await _client.GetPageAsync("/");
        var demos = index.Document.QuerySelectorAll("li.demo").ToList();
        Assert.NotEmpty(demos);

        var broken = new List<string>();
        foreach (var demo in demos)
        {
            var href = demo.QuerySelector("a.open")!.GetAttribute("href")!;
            // A demo whose status is its point says so ("404 Not Found"); every other link must simply work.
            var promised = demo.QuerySelector(".status")?.TextContent is { } label
                ? int.Parse(Regex.Match(label, @"^\d{3}").Value)
                : 200;
            // A fresh visitor for each link (no cookie from /http/login may open /http/admin), on a real socket.
            using var response = await wire.CreateWireClient().GetAsync(href, TestContext.Current.CancellationToken);
            if ((int)response.StatusCode != promised)
            {
                broken.Add($"{href}: promised {promised}, answered {(int)response.StatusCode}");
            }
        }
        Assert.Empty(broken);
    }

    [Fact]
    public async Task Index_links_every_demo_to_its_exchange_except_the_viewer_itself()
    {
        var page = await _client.GetPageAsync("/");

        var demos = page.Document.QuerySelectorAll("li.demo").ToList();
        Assert.Contains(demos, demo => demo.QuerySelector("a.open")!.GetAttribute("href") == "/exchange?path=/http/set/Grey");
        Assert.Contains(demos, demo => demo.QuerySelector("a.open")!.GetAttribute("href") == "/http/status-codes");
        Assert.All(demos, demo =>
        {
            var path = demo.QuerySelector("a.open")!.GetAttribute("href")!;
            var exchange = demo.QuerySelector("a.exchange")?.GetAttribute("href");
            Assert.Equal(path.StartsWith("/exchange") ? null : "/exchange?path=" + Uri.EscapeDataString(path), exchange);
        });
    }

    [Fact]
    public async Task Every_exchange_on_the_index_shows_the_status_its_demo_promises()
    {
        // The viewer asks over a socket: a real server, and a fresh visitor with no cookies.
        var client = wire.CreateWireClient(handleCookies: false);
        var index = await client.GetPageAsync("/");
        var demos = index.Document.QuerySelectorAll("li.demo").Where(demo => demo.QuerySelector("a.exchange") is not null).ToList();
        Assert.NotEmpty(demos);

        var wrong = new List<string>();
        foreach (var demo in demos)
        {
            var promised = demo.QuerySelector(".status")?.TextContent is { } label ? Regex.Match(label, @"^\d{3}").Value : "200";
            var exchange = await client.GetPageAsync(demo.QuerySelector("a.exchange")!.GetAttribute("href")!);
            var statusLine = exchange.Lines("pre#response")[0];
            if (exchange.Status != HttpStatusCode.OK || !statusLine.StartsWith($"HTTP/1.1 {promised} "))
            {
                wrong.Add($"{demo.QuerySelector("a.open")!.GetAttribute("href")}: promised {promised}, exchange shows '{statusLine}'");
            }
        }
        Assert.Empty(wrong);
    }

    [Fact]
    public async Task Index_says_which_links_are_errors_on_purpose()
    {
        var page = await _client.GetPageAsync("/");

        var error = page.Document.QuerySelectorAll("li.demo").Single(li => li.QuerySelector("a.open")!.GetAttribute("href") == "/hello/error");
        Assert.Equal("500 Internal Server Error", error.QuerySelector(".status")?.TextContent.Trim());
    }

    [Fact]
    public async Task Pages_load_nothing_from_another_host()
    {
        var page = await _client.GetPageAsync("/");

        var sources = page.Document.QuerySelectorAll("script[src], link[href], img[src]")
            .Select(e => e.GetAttribute("src") ?? e.GetAttribute("href")!).ToList();
        Assert.NotEmpty(sources); // the layout's stylesheet at least
        Assert.All(sources, source => Assert.StartsWith("/", source));
        Assert.All(sources, source => Assert.False(source.StartsWith("//"), source));
    }

    private async Task<IReadOnlyList<string[]>> ReadRoutesAsync()
    {
        var page = await _client.GetPageAsync("/routes");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return page.Document.GetElementById("routes")!.ReadRows();
    }

    [Fact]
    public async Task Routes_lists_every_chapter_1_template_with_its_methods()
    {
        var rows = await ReadRoutesAsync();

        Assert.Contains(["Hello.Index", "GET", "/hello"], rows);
        Assert.Contains(["Hello.Hi", "GET", "/hello/hi"], rows);
        Assert.Contains(["Hello.Hi", "GET", "/hello/hello"], rows);
        Assert.Contains(["Hello.Greet", "GET", "/hello/greet/{name=Programmer}"], rows);
        Assert.Contains(["Hello.Error", "GET", "/hello/error"], rows);
        Assert.Contains(["Home.Routes", "GET", "/routes"], rows);
    }

    [Fact]
    public async Task Routes_lists_chapter_2_with_its_constraints_and_route_names()
    {
        var rows = await ReadRoutesAsync();

        Assert.Contains(["hello", "GET", "/http/hello"], rows);
        Assert.Contains(["Request.Hello", "GET", "/http"], rows);
        Assert.Contains(["Request.Methods", "POST", "/http/methods"], rows);
        Assert.Contains(["UrlRules.GoBack", "GET", "/http/goback/{year:int:min(0)}"], rows);
        Assert.Contains(["UrlRules.Colors", "GET", "/http/colors/{color:color}"], rows);
        Assert.Contains(["Cookie.SetName", "GET", "/http/set/{name}"], rows);
        Assert.Contains(["RedirectBack.DoSomething", "GET", "/http/do-something"], rows);
        Assert.Contains(["StatusCodes.Index", "GET", "/http/status-codes"], rows);
        Assert.Contains(["Exchange.Show", "GET", "/exchange"], rows);
    }

    [Fact]
    public async Task Routes_is_sorted_by_template()
    {
        var rows = await ReadRoutesAsync();

        var templates = rows.Select(row => row[2]).ToList();
        Assert.Equal(templates.Order(StringComparer.OrdinalIgnoreCase), templates);
    }

    [Fact]
    public async Task Routes_links_the_journey_of_a_request_matching_its_rule()
    {
        var page = await _client.GetPageAsync("/routes");

        Assert.Equal("/exchange?path=%2Fhttp%2Fbrew%2Ftea#journey-1", page.Document.QuerySelector("p.lead a.journey")?.GetAttribute("href"));
    }
}
