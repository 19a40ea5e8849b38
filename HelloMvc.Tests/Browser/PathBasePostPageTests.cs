using System.Collections.Concurrent;
using HelloMvc.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace HelloMvc.Tests.Browser;

/// <summary>The AJAX post page in Chromium with the site under PathBase=/hellomvc: its script finds every URL under it.</summary>
[Collection(BrowserCollection.Name)]
public class PathBasePostPageTests(BrowserFixture browser, PathBaseKestrelSite site)
{
    private const string Base = SiteSettings.PathBase;

    [Fact]
    public async Task Load_More_comments_profile_and_delete_all_work_under_the_path_base()
    {
        await using var watched = await browser.OpenPageAsync(site);
        var page = watched.Page;
        var requested = new ConcurrentQueue<string>();
        page.Request += (_, request) => requested.Enqueue(new Uri(request.Url).PathAndQuery);
        await page.GotoAsync(Base + "/http/post");
        var paragraphs = page.Locator("div.body > p");
        await Expect(paragraphs).ToHaveCountAsync(2);

        await page.Locator("button#load").ClickAsync();
        await Expect(paragraphs).ToHaveCountAsync(4);
        await page.Locator("#show-comments").ClickAsync();
        await Expect(page.Locator("#comments li.comment").First).ToBeVisibleAsync();
        await page.Locator("#author").ClickAsync();
        await Expect(page.Locator("#profile .username")).Not.ToBeEmptyAsync();
        await page.Locator("#delete").ClickAsync();
        await Expect(page.Locator("#delete-status")).ToContainTextAsync("204 No Content");

        Assert.Contains(Base + "/http/more?page=2", requested);
        Assert.Contains(requested, url => url.StartsWith(Base + "/lib/jquery/", StringComparison.Ordinal));
        Assert.Contains(requested, url => url.StartsWith(Base + "/js/post", StringComparison.Ordinal));
        Assert.All(requested, url => Assert.StartsWith(Base + "/", url));
        watched.AssertNothingWentWrong();
    }
}
