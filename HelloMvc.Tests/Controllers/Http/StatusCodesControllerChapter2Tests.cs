using HelloMvc.Tests.Infrastructure;

namespace HelloMvc.Tests.Controllers.Http;

// needs chapter 2 merged: most demos the status-code page links to are chapter 2's.
[Trait("Needs", "chapter 2 merged")]
public class StatusCodesControllerChapter2Tests(SiteFactory site)
{
    private readonly HttpClient _client = site.CreateNoRedirectClient();

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
}
