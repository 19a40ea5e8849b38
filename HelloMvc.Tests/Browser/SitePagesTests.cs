using System.Text.RegularExpressions;
using HelloMvc.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HelloMvc.Tests.Browser;

/// <summary>Every page of the site, opened in a real Chromium under the site's Content-Security-Policy.</summary>
[Collection(BrowserCollection.Name)]
public class SitePagesTests(BrowserFixture browser)
{
    [Fact]
    public async Task Every_page_linked_from_the_index_loads_with_no_console_error_and_no_CSP_violation()
    {
        await using var watched = await browser.OpenPageAsync();
        var page = watched.Page;
        await page.GotoAsync("/");
        // Each demo as [its link, the error status it promises or ""], read the way a person reads the index.
        var demos = (await page.Locator("li.demo").EvaluateAllAsync<string[][]>(
                "items => items.map(li => [li.querySelector('a.open').getAttribute('href'), " +
                "li.querySelector('.status')?.textContent ?? ''])"))
            .Select(demo => new Demo(demo[0], demo[1]))
            .ToList();
        Assert.NotEmpty(demos);
        Assert.Contains(demos, demo => demo.Href == "/http/post");

        var trouble = new List<string>();
        foreach (var demo in demos)
        {
            // A redirect to another site (/http/redirect) is proved by its Location; the browser must not follow it off the machine.
            var first = await page.APIRequest.GetAsync(demo.Href, new APIRequestContextOptions { MaxRedirects = 0 });
            if (first.Status is >= 300 and < 400 && Uri.TryCreate(first.Headers["location"], UriKind.Absolute, out var away)
                && away.Authority != new Uri(page.Url).Authority)
            {
                continue;
            }
            watched.ConsoleErrors.Clear();
            await page.GotoAsync(demo.Href);
            // A demo whose error status is its point makes Chromium log that status once; anything else is trouble.
            var expectedLog = Regex.Match(demo.Status, @"^\d{3}") is { Success: true } code
                ? $"the server responded with a status of {code.Value}"
                : null;
            trouble.AddRange(watched.ConsoleErrors
                .Where(error => expectedLog is null || !error.Contains(expectedLog))
                .Select(error => $"{demo.Href}: {error}"));
        }

        Assert.Empty(trouble);
        Assert.Empty(watched.CspViolations);
        Assert.Empty(watched.ScriptErrors);
        Assert.Empty(watched.FailedRequests);
    }

    private sealed record Demo(string Href, string Status);
}
