using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using HelloMvc.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HelloMvc.Tests.Browser;

/// <summary>The site in Chinese, in a Chromium whose language is zh-CN: accessible, as narrow as a phone, and switchable.</summary>
[Collection(BrowserCollection.Name)]
public class ChineseTests(BrowserFixture browser)
{
    private const string InChinese = "zh-CN";
    private const int Phone = 390;
    private static readonly string[] Impacts = ["serious", "critical"];
    private static readonly List<string> WcagAa = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    // Screenshots go where HELLOMVC_SHOTS points (a folder outside the repository), desktop and phone, when it is set.
    private static async Task ShootAsync(IPage page, string name, ILocator? part = null)
    {
        if (Environment.GetEnvironmentVariable("HELLOMVC_SHOTS") is not { Length: > 0 } folder) return;
        Directory.CreateDirectory(folder);
        foreach (var width in new[] { 1280, Phone })
        {
            await page.SetViewportSizeAsync(width, width == Phone ? 844 : 900);
            var path = Path.Combine(folder, $"{name}-{width}.png");
            if (part is null) await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
            else await part.ScreenshotAsync(new LocatorScreenshotOptions { Path = path });
        }
    }

    /// <summary>
    /// One page of each kind, in Chinese: the English walk (AccessibilityTests, LessonPageTests) already opens every page
    /// the index links, and the Chinese differs from it in its text, not its markup, so each view once is enough here.
    /// </summary>
    private static readonly string[] OneOfEachKind =
    [
        "/", "/routes", "/hello", "/hello/greet/Grey", "/http/hello?name=Grey", "/http/request", "/http/methods",
        "/http/goback/34", "/http/goback/abc", "/http/half/3.5", "/http/converters", "/http/hooks", "/http/g?name=Grey",
        "/http/context?name=Grey", "/http/brew/tea", "/http/brew/coffee", "/http/admin", "/http/cookie", "/http/foo",
        "/http/post", "/http/status-codes", "/exchange?path=/http/login&follow=1", "/source/http/hooks",
        "/progress", "/class",
    ];

    [Fact]
    public async Task In_Chinese_no_kind_of_page_has_a_serious_axe_violation_or_scrolls_sideways_at_390_px()
    {
        await using var watched = await browser.OpenPageAsync(locale: InChinese);
        var page = watched.Page;
        await page.SetViewportSizeAsync(Phone, 844);

        var found = new List<string>();
        foreach (var href in OneOfEachKind)
        {
            await page.GotoAsync(href);
            Assert.Equal("zh-Hans", await page.Locator("html").GetAttributeAsync("lang"));
            var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            if (width > Phone) found.Add($"{href}: {width} px wide at {Phone} px");
            // One axe run per page (the keyboard-scrolling rule aside, which the English walk checks with its exclusions).
            var result = await page.RunAxe(new AxeRunOptions
            {
                RunOnly = new RunOnlyOptions { Type = "tag", Values = WcagAa },
                Rules = new Dictionary<string, RuleOptions> { ["scrollable-region-focusable"] = new() { Enabled = false } },
            });
            found.AddRange(result.Violations.Where(violation => Impacts.Contains(violation.Impact))
                .SelectMany(violation => violation.Nodes.Select(node => $"{href}: {violation.Id} ({violation.Impact}) at {node.Html}")));
        }

        Assert.Empty(found);
    }

    [Fact]
    public async Task The_switch_on_a_cached_page_fetches_its_token_and_comes_back_to_the_same_page_in_the_other_language()
    {
        await using var watched = await browser.OpenPageAsync();
        var page = watched.Page;
        await page.GotoAsync("/http/post");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");

        await page.Locator(".language-switch button[value='zh-Hans']").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Uri(browser.BaseAddress, "/http/post").ToString());
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-Hans");
        await Expect(page.Locator("main h1")).ToHaveTextAsync("一篇很长的文章");
        await Expect(page.Locator(".language-switch button[value='zh-Hans']")).ToHaveAttributeAsync("aria-pressed", "true");
        // The AJAX page's own script speaks Chinese too.
        await page.Locator("button#load").ClickAsync();
        await Expect(page.Locator("#request-log tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#request-log tbody td").First).ToHaveAttributeAsync("data-label", "方法");

        await page.Locator(".language-switch button[value='en']").ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page).ToHaveURLAsync(new Uri(browser.BaseAddress, "/http/post").ToString());
        watched.AssertNothingWentWrong();
    }

    [Fact]
    public async Task The_Chinese_pages_are_photographed_at_1280_and_390_px()
    {
        await using var watched = await browser.OpenPageAsync(locale: InChinese);
        var page = watched.Page;

        await page.GotoAsync("/");
        await Expect(page.Locator("main h1")).ToHaveTextAsync("一页一个知识点，学 HTTP 和 MVC");
        await ShootAsync(page, "index");

        await page.GotoAsync("/http/login");
        await Expect(page.Locator("p.auth")).ToHaveTextAsync("[Authenticated]");
        await Expect(page.Locator("#what-happened h2")).ToHaveTextAsync("刚刚发生了什么");
        await ShootAsync(page, "hello-after-login");

        await page.GotoAsync("/exchange?path=/http/login&follow=1");
        await Expect(page.Locator(".journey h3").First).ToHaveTextAsync("它在框架中的请求之旅");
        await ShootAsync(page, "exchange-login-follow");

        await page.GotoAsync("/http/methods");
        var tryIt = page.Locator("section#try-it");
        await Expect(tryIt.Locator("h2")).ToHaveTextAsync("动手试试");
        await ShootAsync(page, "methods-try-it", tryIt);
    }
}
