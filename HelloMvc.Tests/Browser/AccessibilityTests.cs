using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using HelloMvc.Tests.Infrastructure;

namespace HelloMvc.Tests.Browser;

/// <summary>axe-core (WCAG 2.2 AA) over every page the index links, in Chromium.</summary>
[Collection(BrowserCollection.Name)]
public class AccessibilityTests(BrowserFixture browser)
{
    private static readonly string[] Impacts = ["serious", "critical"];

    private static readonly List<string> WcagAa = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    [Fact]
    public async Task Axe_finds_no_serious_or_critical_violation_on_any_page_the_index_links()
    {
        await using var watched = await browser.OpenPageAsync();
        var page = watched.Page;
        var pages = await LinkedPages.ReadAsync(page);

        var found = new List<string>();
        var counts = new List<string>();
        foreach (var href in pages)
        {
            await page.GotoAsync(href);
            // The package injects axe through evaluate, which the site's Content-Security-Policy does not govern. One run
            // a page, every rule of the tags, keyboard scrolling included (the code boxes, pre.code, take the focus).
            var all = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = WcagAa } });
            var bad = all.Violations.Where(violation => Impacts.Contains(violation.Impact)).ToList();
            counts.Add($"{href}\t{bad.Sum(violation => violation.Nodes.Length)}\t{string.Join(",", bad.Select(v => $"{v.Id}x{v.Nodes.Length}"))}");
            found.AddRange(bad.SelectMany(violation => violation.Nodes.Select(node => $"{href}: {violation.Id} ({violation.Impact}) at {node.Html}")));
        }
        if (Environment.GetEnvironmentVariable("HELLOMVC_AXE_REPORT") is { Length: > 0 } report)
        {
            await File.WriteAllLinesAsync(report, counts, TestContext.Current.CancellationToken);
        }

        Assert.Empty(found);
    }
}
