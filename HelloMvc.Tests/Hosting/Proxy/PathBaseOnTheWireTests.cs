using System.Net;
using AngleSharp.Html.Parser;
using HelloMvc.Tests.Infrastructure;
using HelloMvc.Web.LookingInside.Catalog;

namespace HelloMvc.Tests.Hosting.Proxy;

/// <summary>
/// The site under PathBase=/hellomvc on a real socket: a walk from the index through every page, redirect and asset it
/// links to, with the exchange viewer (which sends requests of its own) among them.
/// </summary>
public class PathBaseOnTheWireTests(PathBaseKestrelSite site)
{
    private const string Base = SiteSettings.PathBase;
    private const int PageLimit = 600;
    private static readonly string[] LinkAttributes = ["href", "src", "action", "data-url"];
    private static readonly HtmlParser Parser = new();

    private readonly HttpClient _client = site.CreateWireClient();

    [Fact]
    public async Task No_page_the_index_leads_to_links_redirects_or_loads_anything_outside_the_path_base()
    {
        var origin = _client.BaseAddress!;
        var queue = new Queue<string>([Base + "/"]);
        var visited = new HashSet<string>();
        var assets = new HashSet<string>();
        var outside = new List<string>();
        var broken = new List<string>();

        void Follow(string page, string what, string value)
        {
            var url = new Uri(new Uri(origin, page), value);
            if (value.StartsWith('#') || url.Authority != origin.Authority)
            {
                return; // a fragment of this page, or another site (the external redirect demo)
            }
            if (!url.AbsolutePath.StartsWith(Base + "/", StringComparison.Ordinal) || url.AbsolutePath.StartsWith(Base + Base, StringComparison.Ordinal))
            {
                outside.Add($"{page}: {what} = {value}");
                return;
            }
            queue.Enqueue(url.PathAndQuery);
        }

        while (visited.Count < PageLimit && queue.TryDequeue(out var url))
        {
            if (!visited.Add(url))
            {
                continue;
            }
            var response = await _client.GetAsync(url, TestContext.Current.CancellationToken);
            if ((int)response.StatusCode >= 500 && url != Base + FirstDemoAnswering(500)
                || assets.Contains(url) && response.StatusCode != HttpStatusCode.OK)
            {
                broken.Add($"{url}: {(int)response.StatusCode}");
            }
            if (response.Headers.Location is { } location)
            {
                Follow(url, "Location", location.OriginalString);
            }
            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }
            var document = await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            foreach (var element in document.QuerySelectorAll("[href], [src], [action], [data-url]"))
            {
                foreach (var attribute in LinkAttributes)
                {
                    if (element.GetAttribute(attribute) is { } value)
                    {
                        Follow(url, $"<{element.LocalName} {attribute}>", value);
                        if (element.LocalName is "link" or "script") assets.Add(new Uri(new Uri(origin, url), value).PathAndQuery);
                    }
                }
            }
        }

        Assert.True(queue.All(visited.Contains), $"The walk stopped at {PageLimit} pages with more still to visit.");
        Assert.Empty(outside);
        Assert.Empty(broken);
        // The walk reached every demo, the exchange of each, and the stylesheet and scripts.
        var demos = DemoCatalog.Chapters.SelectMany(chapter => chapter.Sections).SelectMany(section => section.Demos).ToList();
        // A fragment (#teardown) stays in the browser: the walk visits the page it belongs to.
        Assert.All(demos, demo => Assert.Contains(Base + demo.Path.Split('#')[0], visited));
        Assert.All(demos.Where(demo => demo.HasExchange), demo => Assert.Contains(Base + "/exchange?path=" + Uri.EscapeDataString(demo.Path), visited));
        Assert.Contains(assets, asset => asset.StartsWith(Base + "/css/site", StringComparison.Ordinal));
        Assert.Contains(assets, asset => asset.StartsWith(Base + "/lib/jquery/", StringComparison.Ordinal));
        Assert.Contains(assets, asset => asset.StartsWith(Base + "/js/post", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_exchange_viewer_sends_its_request_under_the_path_base_and_follows_a_Location_there()
    {
        var exchange = await _client.GetPageAsync(Base + "/exchange?path=/http/set/Grey");

        Assert.Equal(HttpStatusCode.OK, exchange.Status);
        Assert.Equal("GET /hellomvc/http/set/Grey HTTP/1.1", exchange.Lines("#request")[0]);
        Assert.Contains("Location: /hellomvc/http/hello", exchange.Lines("#response"));
        Assert.Equal(Base + "/exchange", exchange.Document.QuerySelector("form.exchange-form")?.GetAttribute("action"));
        Assert.Equal(Base + "/http/set/Grey", exchange.Document.QuerySelector("a.open")?.GetAttribute("href"));

        var next = await _client.GetPageAsync(exchange.Document.QuerySelector("a.next")!.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, next.Status);
        Assert.Equal("GET /hellomvc/http/hello HTTP/1.1", next.Lines("#request")[0]);
        Assert.StartsWith("HTTP/1.1 200", next.Lines("#response")[0]);
    }

    private static string FirstDemoAnswering(int status) => DemoCatalog.FirstAnswering(status)!.Path;
}
