using System.Net.Http.Json;
using AngleSharp.Html.Parser;
using HelloMvc.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HelloMvc.Tests.Browser;

/// <summary>The AJAX post page (/http/post) in a real Chromium: what a person clicking it would see.</summary>
[Collection(BrowserCollection.Name)]
public class PostPageTests(BrowserFixture browser)
{
    private static readonly TimeSpan HoldLimit = TimeSpan.FromSeconds(30);

    public static string ScreenshotPath => Path.Combine(AppContext.BaseDirectory, "screenshots", "post-after-two-loads.png");

    [Fact]
    public async Task Load_More_twice_appends_pages_2_and_3_and_the_button_is_disabled_while_loading()
    {
        await using var watched = await browser.OpenPageAsync();
        var page = watched.Page;
        var requestedPages = new List<string>();
        // Hold each /more request until the test has seen the button's loading state, then let it through.
        var release = new SemaphoreSlim(0);
        await page.RouteAsync("**/http/more?*", async route =>
        {
            requestedPages.Add(new Uri(route.Request.Url).Query);
            if (!await release.WaitAsync(HoldLimit)) throw new TimeoutException("The test never released /http/more.");
            await route.ContinueAsync();
        });
        await page.GotoAsync("/http/post");
        var paragraphs = page.Locator("div.body > p");
        var load = page.Locator("button#load");
        await Expect(paragraphs).ToHaveCountAsync(2);

        foreach (var (pageNumber, expectedCount) in new[] { (2, 4), (3, 6) })
        {
            await load.ClickAsync();
            await Expect(load).ToBeDisabledAsync();
            await Expect(load).ToHaveTextAsync("Loading…");
            // A second click while the first is in flight does nothing.
            await load.ClickAsync(new LocatorClickOptions { Force = true });
            release.Release();
            await Expect(paragraphs).ToHaveCountAsync(expectedCount);
            await Expect(load).ToBeEnabledAsync();
            await Expect(load).ToHaveTextAsync("Load More");

            var served = await ServedParagraphsAsync(pageNumber);
            Assert.Equal(served, (await paragraphs.AllTextContentsAsync()).Skip(expectedCount - served.Count).Select(Trim));
        }

        Assert.Equal(["?page=2", "?page=3"], requestedPages);
        await Expect(page.Locator("#load-error")).ToBeHiddenAsync();
        watched.AssertNothingWentWrong();

        Directory.CreateDirectory(Path.GetDirectoryName(ScreenshotPath)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath, FullPage = true });
        Assert.True(new FileInfo(ScreenshotPath).Length > 0, $"{ScreenshotPath} is empty");
    }

    [Fact]
    public async Task A_failed_Load_More_shows_a_message_and_leaves_the_button_usable()
    {
        await using var watched = await browser.OpenPageAsync();
        var page = watched.Page;
        await page.RouteAsync("**/http/more?*", route => route.FulfillAsync(new RouteFulfillOptions { Status = 500, Body = "" }));
        await page.GotoAsync("/http/post");
        var paragraphs = page.Locator("div.body > p");
        var load = page.Locator("button#load");
        var error = page.Locator("#load-error");

        await load.ClickAsync();

        await Expect(error).ToBeVisibleAsync();
        await Expect(error).ToContainTextAsync("Could not load page 2 (500");
        await Expect(load).ToBeEnabledAsync();
        await Expect(load).ToHaveTextAsync("Load More");
        await Expect(paragraphs).ToHaveCountAsync(2);

        // The server answers again: the same page is asked for, and the message goes away.
        await page.UnrouteAllAsync();
        await load.ClickAsync();
        await Expect(paragraphs).ToHaveCountAsync(4);
        await Expect(error).ToBeHiddenAsync();
        Assert.Equal(await ServedParagraphsAsync(2), (await paragraphs.AllTextContentsAsync()).Skip(2).Select(Trim));
        Assert.Empty(watched.CspViolations);
        Assert.Empty(watched.ScriptErrors);
    }

    [Fact]
    public async Task Show_comments_puts_the_comments_partial_into_the_page()
    {
        await using var watched = await browser.OpenPageAsync();
        var page = watched.Page;
        await page.GotoAsync("/http/post");

        await page.Locator("#show-comments").ClickAsync();

        var comments = page.Locator("#comments li.comment");
        var served = await ServedCommentAuthorsAsync("/http/comments/1");
        await Expect(comments).ToHaveCountAsync(served.Count);
        Assert.Equal(served, (await comments.Locator(".comment-author").AllTextContentsAsync()).Select(Trim));
        await Expect(page.Locator("#show-comments")).ToHaveCountAsync(0);
        watched.AssertNothingWentWrong();
    }

    [Fact]
    public async Task Clicking_the_author_shows_the_profile_read_from_JSON()
    {
        await using var watched = await browser.OpenPageAsync();
        var page = watched.Page;
        await page.GotoAsync("/http/post");
        var author = page.Locator("#author");
        var profileUrl = await author.GetAttributeAsync("data-url");
        var served = await browser.CreateClient().GetFromJsonAsync<ProfileJson>(profileUrl, TestContext.Current.CancellationToken);
        await Expect(page.Locator("#profile")).ToBeHiddenAsync();

        await author.ClickAsync();

        await Expect(page.Locator("#profile")).ToBeVisibleAsync();
        await Expect(page.Locator("#profile .username")).ToHaveTextAsync(served!.Username);
        await Expect(page.Locator("#profile .bio")).ToHaveTextAsync(served.Bio);
        await Expect(author).ToHaveTextAsync(served.Username);
        watched.AssertNothingWentWrong();
    }

    [Fact]
    public async Task Delete_sends_DELETE_and_shows_the_204_it_got()
    {
        await using var watched = await browser.OpenPageAsync();
        var page = watched.Page;
        await page.GotoAsync("/http/post");
        var delete = page.Locator("#delete");

        var response = await page.RunAndWaitForResponseAsync(() => delete.ClickAsync(), "**/http/post/delete/1");

        Assert.Equal("DELETE", response.Request.Method);
        Assert.Equal(204, response.Status);
        await Expect(page.Locator("#delete-status")).ToContainTextAsync("204 No Content");
        await Expect(delete).ToBeDisabledAsync();
        watched.AssertNothingWentWrong();
    }

    [Fact]
    public async Task The_request_log_lists_each_request_jQuery_sends_with_its_status_type_size_and_time()
    {
        await using var watched = await browser.OpenPageAsync();
        var page = watched.Page;
        await page.GotoAsync("/http/post");
        var rows = page.Locator("#request-log tbody tr");
        await Expect(rows).ToHaveCountAsync(0);
        await Expect(page.Locator("#request-log-empty")).ToBeVisibleAsync();

        await page.Locator("#load").ClickAsync();
        await Expect(rows).ToHaveCountAsync(1);
        await page.Locator("#author").ClickAsync();
        await Expect(rows).ToHaveCountAsync(2);
        await page.Locator("#delete").ClickAsync();
        await Expect(rows).ToHaveCountAsync(3);

        var log = await rows.EvaluateAllAsync<string[][]>("rows => rows.map(r => [...r.cells].map(c => c.textContent))");
        Assert.Equal(["GET", "/http/more?page=2", "200 OK"], log[0][..3]);
        Assert.StartsWith("text/html", log[0][3]);
        Assert.Equal(["GET", await page.Locator("#author").GetAttributeAsync("data-url"), "200 OK"], log[1][..3]);
        Assert.StartsWith("application/json", log[1][3]);
        Assert.Equal(["DELETE", "/http/post/delete/1", "204 No Content", "none", "0"], log[2][..5]);
        // Bytes as the server sent them, compared with what the same request fetches here.
        using var more = await browser.CreateClient().GetAsync("/http/more?page=2", TestContext.Current.CancellationToken);
        Assert.Equal((await more.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).Length, int.Parse(log[0][4]));
        Assert.All(log, row => Assert.True(int.Parse(row[5]) >= 0));
        await Expect(page.Locator("#request-log-empty")).ToBeHiddenAsync();
        watched.AssertNothingWentWrong();
    }

    [Fact]
    public async Task After_Load_More_and_Show_comments_keyboard_focus_moves_to_the_new_content_never_to_the_page()
    {
        await using var watched = await browser.OpenPageAsync();
        var page = watched.Page;
        await page.GotoAsync("/http/post");
        var paragraphs = page.Locator("div.body > p");

        await page.Locator("#load").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(paragraphs).ToHaveCountAsync(4);
        await Expect(paragraphs.Nth(2)).ToBeFocusedAsync();

        await page.Locator("#show-comments").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#comments li.comment").First).ToBeVisibleAsync();
        await Expect(page.Locator("#comments")).ToBeFocusedAsync();
        Assert.NotEqual("BODY", await page.EvaluateAsync<string>("() => document.activeElement.tagName"));
        watched.AssertNothingWentWrong();
    }

    [Fact]
    public async Task The_explanation_comes_before_the_post()
    {
        await using var watched = await browser.OpenPageAsync();
        var page = watched.Page;
        await page.GotoAsync("/http/post");

        var order = await page.EvaluateAsync<bool>(
            "() => !!(document.querySelector('main > p.explain').compareDocumentPosition(document.querySelector('article.post')) & Node.DOCUMENT_POSITION_FOLLOWING)");
        Assert.True(order);
    }

    private sealed record ProfileJson(string Username, string Bio);

    private sealed record MoreJson(int Page, List<string> Paragraphs);

    private static string Trim(string text) => text.Trim();

    private async Task<IReadOnlyList<string>> ServedParagraphsAsync(int page)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/http/more?page={page}");
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await browser.CreateClient().SendAsync(request, TestContext.Current.CancellationToken);
        var more = await response.Content.ReadFromJsonAsync<MoreJson>(TestContext.Current.CancellationToken);
        return more!.Paragraphs;
    }

    private async Task<IReadOnlyList<string>> ServedCommentAuthorsAsync(string url)
    {
        var html = await browser.CreateClient().GetStringAsync(url, TestContext.Current.CancellationToken);
        var document = await new HtmlParser().ParseDocumentAsync(html, TestContext.Current.CancellationToken);
        return document.QuerySelectorAll("li.comment .comment-author").Select(e => e.TextContent.Trim()).ToList();
    }
}
