using HelloMvc.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HelloMvc.Tests.Browser;

/// <summary>"The code" on a demo page and the /source pages, in a real Chromium under the site's Content-Security-Policy.</summary>
[Collection(BrowserCollection.Name)]
public class SourceSectionBrowserTests(BrowserFixture browser)
{
    public static string ScreenshotPath => Path.Combine(AppContext.BaseDirectory, "screenshots", "http-hello-the-code.png");

    [Fact]
    public async Task The_code_on_the_hello_page_is_coloured_by_the_stylesheet_with_no_console_error_or_CSP_violation()
    {
        await using var watched = await browser.OpenPageAsync();
        var page = watched.Page;
        await page.GotoAsync("/http/hello");

        var section = page.Locator("main > section.the-code");
        await Expect(section.Locator("h2")).ToHaveTextAsync("The code");
        await Expect(section.Locator("figcaption .path").First).ToHaveTextAsync("HelloMvc.Web/Controllers/Http/RequestController.cs");
        await Expect(section).ToBeVisibleAsync();
        // The colours and the unselectable line numbers come from site.css (no inline style is allowed).
        var code = section.Locator("pre.code").First;
        var plain = await code.EvaluateAsync<string>("e => getComputedStyle(e).color");
        foreach (var kind in new[] { "keyword", "string", "comment", "type" })
        {
            Assert.NotEqual(plain, await code.Locator(".tok-" + kind).First.EvaluateAsync<string>("e => getComputedStyle(e).color"));
        }
        Assert.Equal("none", await code.Locator(".ln").First.EvaluateAsync<string>("e => getComputedStyle(e).userSelect"));

        Directory.CreateDirectory(Path.GetDirectoryName(ScreenshotPath)!);
        await section.ScreenshotAsync(new LocatorScreenshotOptions { Path = ScreenshotPath });
        Assert.True(new FileInfo(ScreenshotPath).Length > 0, $"{ScreenshotPath} is empty");
        watched.AssertNothingWentWrong();
    }

    [Fact]
    public async Task Every_code_page_linked_from_the_index_loads_with_no_console_error_and_no_CSP_violation()
    {
        await using var watched = await browser.OpenPageAsync();
        var page = watched.Page;
        await page.GotoAsync("/");
        var links = await page.Locator("li.demo a.code").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        await page.GotoAsync("/source/http/post");
        links = [.. links, .. await page.Locator(".script-sends a.code").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))")];
        Assert.Contains("/source/http/post/delete/1", links);

        var wrong = new List<string>();
        foreach (var link in links.Distinct())
        {
            var response = await page.GotoAsync(link);
            if (response?.Status != 200 || await page.Locator("section.the-code pre.code").CountAsync() == 0)
            {
                wrong.Add($"{link}: {response?.Status}, {await page.Locator("pre.code").CountAsync()} code blocks");
            }
        }

        Assert.Empty(wrong);
        watched.AssertNothingWentWrong();
    }
}
