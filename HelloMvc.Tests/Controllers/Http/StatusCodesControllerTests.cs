using System.Net;
using HelloMvc.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace HelloMvc.Tests.Controllers.Http;

public class StatusCodesControllerTests(KestrelSite site)
{
    private static readonly int[] Common = [200, 201, 204, 301, 302, 304, 400, 401, 403, 404, 405, 418, 500, 503];

    private readonly HttpClient _client = site.CreateWireClient();

    [Fact]
    public async Task Status_codes_lists_the_common_codes_with_their_reason_phrases_in_order()
    {
        var page = await _client.GetPageAsync("/http/status-codes");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        // The index lists it among the site's own instruments, and the breadcrumb follows the index.
        Assert.Contains("Looking inside", page.Text("p.chapter"));
        var rows = page.Document.GetElementById("status-codes")!.ReadRows();
        Assert.Equal(Common.Select(code => code.ToString()), rows.Select(row => row[0]));
        Assert.All(rows, row => Assert.Equal(ReasonPhrases.GetReasonPhrase(int.Parse(row[0])), row[1]));
        Assert.All(rows, row => Assert.False(string.IsNullOrWhiteSpace(row[2])));
    }

    [Fact]
    public async Task Each_code_names_its_demo_with_a_link_and_its_exchange_or_says_there_is_none()
    {
        var page = await _client.GetPageAsync("/http/status-codes");

        string? Demo(int code) => page.Document.QuerySelector($"#status-{code} a.demo")?.GetAttribute("href");
        string? Exchange(int code) => page.Document.QuerySelector($"#status-{code} a.exchange")?.GetAttribute("href");
        Assert.Equal("/hello", Demo(200));
        Assert.Equal("/exchange?path=%2Fhello", Exchange(200));
        Assert.Equal("/http/hi", Demo(302));
        Assert.Equal("/http/brew/coffee", Demo(418));
        Assert.Equal("/exchange?path=%2Fhello%2Ferror", Exchange(500));
        // A link can only GET, so the DELETE and PUT demos are named, not linked.
        Assert.Equal("DELETE /http/post/delete/1", page.Text("#status-204 .demo-request"));
        Assert.Equal("PUT /http/methods", page.Text("#status-405 .demo-request"));
        Assert.Null(Exchange(204));
        foreach (var code in new[] { 301, 304, 401, 503 })
        {
            Assert.Equal("No demo on this site", page.Text($"#status-{code} .no-demo"));
        }
    }

    [Fact]
    public async Task Every_linked_demo_answers_with_its_code_and_its_exchange_shows_that_status_line()
    {
        var page = await _client.GetPageAsync("/http/status-codes");
        var linked = page.Document.QuerySelectorAll("#status-codes tbody tr")
            .Where(row => row.QuerySelector("a.demo") is not null)
            .Select(row => (Code: int.Parse(row.QuerySelector("th")!.TextContent.Trim()),
                            Demo: row.QuerySelector("a.demo")!.GetAttribute("href")!,
                            Exchange: row.QuerySelector("a.exchange")!.GetAttribute("href")!))
            .ToList();
        Assert.Equal(8, linked.Count);

        var wrong = new List<string>();
        foreach (var (code, demo, exchange) in linked)
        {
            var response = await _client.GetAsync(demo, TestContext.Current.CancellationToken);
            var seen = (await _client.GetPageAsync(exchange)).Lines("pre#response")[0];
            if ((int)response.StatusCode != code || !seen.StartsWith($"HTTP/1.1 {code} ", StringComparison.Ordinal))
            {
                wrong.Add($"{demo}: listed as {code}, answered {(int)response.StatusCode}, exchange shows '{seen}'");
            }
        }
        Assert.Empty(wrong);
    }

    [Fact]
    public async Task Each_row_with_a_demo_links_its_journey_and_the_DELETE_and_PUT_are_sent_as_themselves()
    {
        var page = await _client.GetPageAsync("/http/status-codes");
        var journeys = page.Document.QuerySelectorAll("#status-codes tbody tr")
            .Where(row => row.QuerySelector("a.journey") is not null)
            .Select(row => (Code: int.Parse(row.QuerySelector("th")!.TextContent.Trim()), Href: row.QuerySelector("a.journey")!.GetAttribute("href")!))
            .ToList();
        Assert.Equal(10, journeys.Count);
        Assert.Contains((204, "/exchange?path=%2Fhttp%2Fpost%2Fdelete%2F1&method=DELETE#journey-1"), journeys);
        Assert.Contains((405, "/exchange?path=%2Fhttp%2Fmethods&method=PUT#journey-1"), journeys);

        var wrong = new List<string>();
        foreach (var (code, href) in journeys)
        {
            var exchange = await _client.GetPageAsync(href);
            var seen = exchange.Lines("pre#response")[0];
            if (!seen.StartsWith($"HTTP/1.1 {code} ", StringComparison.Ordinal) || exchange.Document.QuerySelector("#journey-1 li.step .subject") is null)
            {
                wrong.Add($"{href}: listed as {code}, shows '{seen}' and {exchange.Document.QuerySelectorAll("#journey-1 li.step").Length} steps");
            }
        }
        Assert.Empty(wrong);
    }
}
