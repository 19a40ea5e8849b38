using HelloMvc.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HelloMvc.Tests.Browser;

/// <summary>Try it in a real Chromium: a task solved through the viewer shows solved on its lesson page and the index.</summary>
[Collection(BrowserCollection.Name)]
public class TryItTests(BrowserFixture browser)
{
    [Fact]
    public async Task After_methods_405_is_solved_through_the_viewer_the_methods_page_shows_it_solved_with_its_evidence()
    {
        await using var watched = await browser.OpenPageAsync();
        var page = watched.Page;
        // /progress gives this browser its learner cookie (a lesson page's script asks it too, but in its own time).
        await page.GotoAsync("/progress");
        await Expect(page.Locator("li[data-task=methods-405]")).ToHaveAttributeAsync("data-solved", "false");

        await page.GotoAsync("/exchange?path=/http/methods");
        await page.Locator("select#method").SelectOptionAsync("PUT");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show its exchange" }).ClickAsync();
        await Expect(page.Locator("#response")).ToContainTextAsync("HTTP/1.1 405 Method Not Allowed");
        await Expect(page.Locator("pre.copy-curl").First).ToContainTextAsync("curl -i -X PUT");

        await page.GotoAsync("/http/methods");
        var task = page.Locator("#try-it li[data-task=methods-405]");
        await Expect(task).ToHaveAttributeAsync("data-solved", "true");
        await Expect(task.Locator(".solved")).ToHaveTextAsync("Solved");
        await Expect(task.Locator(".evidence")).ToHaveTextAsync("PUT /http/methods");
        await Expect(task.Locator(".status")).ToHaveTextAsync("405");
        await Expect(task.Locator("time")).ToHaveAttributeAsync("datetime", new System.Text.RegularExpressions.Regex("^2026-"));
        await Expect(page.Locator("#try-it li[data-task=methods-post]")).ToHaveAttributeAsync("data-solved", "false");

        await page.GotoAsync("/");
        await Expect(page.Locator("li.demo:has(a.open code:text-is('/http/methods')) .task-count")).ToHaveTextAsync("1 of 2 tasks solved");
        watched.AssertNothingWentWrong();
    }
}
