using HelloMvc.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HelloMvc.Tests.Browser;

/// <summary>Every lesson page in a real Chromium: what just happened, the index's memory, and a phone's width.</summary>
[Collection(BrowserCollection.Name)]
public class LessonPageTests(BrowserFixture browser)
{
    private const int Phone = 390;

    // Screenshots go where HELLOMVC_SHOTS points (a folder outside the repository), desktop and phone, when it is set.
    private static async Task ShootAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("HELLOMVC_SHOTS") is not { Length: > 0 } folder) return;
        Directory.CreateDirectory(folder);
        foreach (var width in new[] { 1280, Phone })
        {
            await page.SetViewportSizeAsync(width, width == Phone ? 844 : 900);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}-{width}.png"), FullPage = true });
        }
        await page.SetViewportSizeAsync(1280, 720);
    }

    [Fact]
    public async Task Logging_in_shows_the_302_that_led_to_hello_and_a_reload_shows_none()
    {
        await using var watched = await browser.OpenPageAsync();
        var page = watched.Page;
        await page.GotoAsync("/http/hello");
        await Expect(page.Locator("#what-happened")).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Link, new() { Name = "log in", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Uri(browser.BaseAddress, "/http/hello").ToString());
        var happened = page.Locator("#what-happened");
        await Expect(happened).ToBeVisibleAsync();
        await Expect(happened.Locator("li.hop")).ToHaveCountAsync(1);
        await Expect(happened).ToContainTextAsync("GET /http/login HTTP/1.1");
        await Expect(happened).ToContainTextAsync("HTTP/1.1 302 Found");
        await Expect(happened).ToContainTextAsync("Location: /http/hello");
        await Expect(happened.Locator(".how-remembered")).ToContainTextAsync("TempData");
        await Expect(page.Locator("p.auth")).ToHaveTextAsync("[Authenticated]");
        await ShootAsync(page, "http-hello-after-login");

        await page.ReloadAsync();
        await Expect(page.Locator("#what-happened")).ToHaveCountAsync(0);
        watched.AssertNothingWentWrong();
    }

    [Fact]
    public async Task Setting_a_cookie_shows_its_Set_Cookie_on_the_hello_page_it_lands_on()
    {
        await using var watched = await browser.OpenPageAsync();
        var page = watched.Page;
        await page.GotoAsync("/http/hello");

        // The lesson's own link (its Try it section links the same URL further down).
        await page.Locator("main p.explain a[href='/http/set/Grey']").ClickAsync();

        await Expect(page.Locator("main h1")).ToHaveTextAsync("Hello, Grey!");
        await Expect(page.Locator("#what-happened")).ToContainTextAsync("Set-Cookie: name=Grey; path=/; samesite=lax; httponly");
        await Expect(page.Locator("p.name-source")).ToHaveAttributeAsync("data-source", "cookie");
        watched.AssertNothingWentWrong();
    }

    [Fact]
    public async Task Do_something_from_Foo_comes_back_to_Foo_showing_the_redirect()
    {
        await using var watched = await browser.OpenPageAsync();
        var page = watched.Page;
        await page.GotoAsync("/http/foo");
        await Expect(page.Locator("#what-happened")).ToHaveCountAsync(0);

        await page.Locator("#do-something").ClickAsync();

        await Expect(page.Locator("main h1")).ToHaveTextAsync("Foo page");
        await Expect(page.Locator("#what-happened")).ToContainTextAsync("GET /http/do-something?next=%2Fhttp%2Ffoo HTTP/1.1");
        await Expect(page.Locator("#what-happened")).ToContainTextAsync("Location: /http/foo");
        await ShootAsync(page, "http-foo-after-do-something");

        await page.ReloadAsync();
        await Expect(page.Locator("#what-happened")).ToHaveCountAsync(0);
        watched.AssertNothingWentWrong();
    }

    [Fact]
    public async Task Admin_refused_offers_log_in_and_then_admin_again()
    {
        await using var watched = await browser.OpenPageAsync();
        var page = watched.Page;
        await page.GotoAsync("/http/admin");
        await Expect(page.Locator("main h1")).ToHaveTextAsync("403 Forbidden");
        await ShootAsync(page, "http-admin-refused");

        var retry = await page.Locator(".next-steps a.retry").GetAttributeAsync("href");
        await page.Locator(".next-steps a.log-in").ClickAsync();
        await Expect(page.Locator("p.auth")).ToHaveTextAsync("[Authenticated]");
        await page.GotoAsync(retry!);

        await Expect(page.Locator("main h1")).ToHaveTextAsync("Welcome to admin page.");
    }

    [Fact]
    public async Task The_post_page_after_two_loads_for_the_screenshots()
    {
        await using var watched = await browser.OpenPageAsync();
        var page = watched.Page;
        await page.GotoAsync("/http/post");
        foreach (var count in new[] { 4, 6 })
        {
            await page.Locator("#load").ClickAsync();
            await Expect(page.Locator("div.body > p")).ToHaveCountAsync(count);
        }
        await Expect(page.Locator("#request-log tbody tr")).ToHaveCountAsync(2);
        await ShootAsync(page, "http-post-after-two-loads");
        watched.AssertNothingWentWrong();
    }

    [Fact]
    public async Task The_index_marks_the_lessons_this_browser_opened_and_only_those()
    {
        await using var watched = await browser.OpenPageAsync();
        var page = watched.Page;
        await page.GotoAsync("/");
        await Expect(page.Locator("li.demo.opened")).ToHaveCountAsync(0);

        await page.GotoAsync("/hello/hi");
        await page.GotoAsync("/exchange?path=%2Fhttp%2Fnote");
        await page.GotoAsync("/");

        var opened = await page.Locator("li.demo.opened a.open").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.Equal(["/hello/hi", "/http/note"], opened);
        await Expect(page.Locator("li.demo.opened .opened-mark").First).ToHaveTextAsync("opened");
        watched.AssertNothingWentWrong();
    }

    [Fact]
    public async Task At_390_px_no_page_the_index_links_scrolls_sideways()
    {
        await using var watched = await browser.OpenPageAsync();
        var page = watched.Page;
        var pages = await LinkedPages.ReadAsync(page);
        await page.SetViewportSizeAsync(Phone, 844);

        var wide = new List<string>();
        foreach (var href in pages)
        {
            await page.GotoAsync(href);
            var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            if (width > Phone)
            {
                // Name the widest element that sticks out, so the failure says what to fix.
                var culprit = await page.EvaluateAsync<string>(
                    "w => [...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > w)" +
                    ".map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).slice(-1)[0] || ''", Phone);
                wide.Add($"{href}: {width} px wide ({culprit})");
            }
        }
        Assert.Empty(wide);
    }
}
