using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using HelloMvc.Tests.Classes;
using HelloMvc.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HelloMvc.Tests.Browser;

/// <summary>The teacher's grid in Chromium: it shows a student's solve by itself, and it reads well (axe, a phone, a projector).</summary>
[Collection(BrowserCollection.Name)]
public class ClassGridBrowserTests(BrowserFixture browser, KestrelSite site)
{
    private static readonly List<string> WcagAa = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    // Screenshots go where HELLOMVC_SHOTS points (a folder outside the repository), when it is set.
    private static async Task ShootAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("HELLOMVC_SHOTS") is not { Length: > 0 } folder) return;
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}.png"), FullPage = true });
    }

    private static async Task AssertAccessibleAsync(IPage page)
    {
        var found = (await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = WcagAa } }))
            .Violations.Where(violation => violation.Impact is "serious" or "critical")
            .SelectMany(violation => violation.Nodes.Select(node => $"{page.Url}: {violation.Id} ({violation.Impact}) at {node.Html}"));
        Assert.Empty(found);
    }

    [Fact]
    public async Task The_teachers_page_shows_a_students_solve_within_five_seconds_without_a_reload()
    {
        using var teacher = ClassVisitor.On(site);
        var started = await teacher.StartAsync("HTTP, week 2");
        using var ann = ClassVisitor.On(site);
        using var li = ClassVisitor.On(site);
        using var formula = ClassVisitor.On(site);
        await ann.JoinedAsync(started.Code, "Ann <Lee>");
        await li.JoinedAsync(started.Code, "李雷");
        await formula.JoinedAsync(started.Code, "=1+1");
        await ann.SendAsync(HttpMethod.Get, "/hello/greet/Ann");
        await ann.SendAsync(HttpMethod.Put, "/http/methods");
        await li.SendAsync(HttpMethod.Get, "/http/note/json");

        // Another device opens the key link: a browser of its own, which the link gives the teacher cookie.
        await using var watched = await browser.OpenPageAsync();
        var page = watched.Page;
        await page.SetViewportSizeAsync(1280, 800);
        await page.GotoAsync(started.KeyLink.PathAndQuery);
        await Expect(page).ToHaveURLAsync(new Uri(browser.BaseAddress, started.TeacherPath).ToString());
        var rows = page.Locator("#class-grid tbody tr");
        await Expect(rows).ToHaveCountAsync(3);
        await Expect(rows.Nth(0).Locator("th")).ToHaveTextAsync("Ann <Lee>");
        await page.EvaluateAsync("() => { window.notReloaded = true; }");

        await formula.SendAsync(HttpMethod.Get, "/http/brew/coffee");

        var solved = page.Locator("#class-grid tr[data-student='3'] td[data-task='brew-418'][data-solved='true']");
        await Expect(solved).ToBeVisibleAsync(new() { Timeout = 5_000 });
        await Expect(page.Locator("#class-grid tfoot td[data-task='brew-418']")).ToHaveTextAsync("1");
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"), "the page was reloaded");
        await AssertAccessibleAsync(page);
        await ShootAsync(page, "class-grid-1280");

        await page.GetByRole(AriaRole.Link, new() { Name = "Hide the names" }).ClickAsync();
        await Expect(rows.Nth(1).Locator("th")).ToHaveTextAsync("Student 2");
        await Expect(page.Locator("#class-grid")).Not.ToContainTextAsync("李雷");
        await ShootAsync(page, "class-grid-names-hidden-1280");

        // On a phone, the grid scrolls inside its own box and the page never sideways.
        await page.SetViewportSizeAsync(390, 844);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways at 390 px");
        watched.AssertNothingWentWrong();
    }

    [Fact]
    public async Task The_class_pages_a_student_sees_have_no_serious_accessibility_violation()
    {
        using var teacher = ClassVisitor.On(site);
        var started = await teacher.StartAsync();
        await using var watched = await browser.OpenPageAsync();
        var page = watched.Page;

        foreach (var path in new[] { "/class", $"/class/{started.Code}" })
        {
            await page.GotoAsync(path);
            await AssertAccessibleAsync(page);
        }
        await page.GetByLabel("Your name").FillAsync("Ann");
        await page.GetByRole(AriaRole.Button, new() { Name = "Join" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(browser.BaseAddress, "/progress").ToString());
        await Expect(page.Locator("#class .class-code")).ToHaveTextAsync(started.Code);
        await AssertAccessibleAsync(page);
        watched.AssertNothingWentWrong();
    }
}
