using HelloMvc.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace HelloMvc.Tests.Browser;

/// <summary>The exchange viewer as a learner reaches it: from the index, in a real Chromium.</summary>
[Collection(BrowserCollection.Name)]
public class ExchangePageTests(BrowserFixture browser)
{
    [Fact]
    public async Task From_the_index_a_demos_exchange_shows_the_raw_response_a_browser_would_hide()
    {
        await using var watched = await browser.OpenPageAsync();
        var page = watched.Page;
        await page.GotoAsync("/");

        await page.Locator("li.demo", new() { Has = page.Locator("a[href='/http/set/Grey']") })
            .Locator("a.exchange").ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/exchange\?path=%2Fhttp%2Fset%2FGrey$"));
        var response = page.Locator("pre#response");
        await Expect(response).ToContainTextAsync("HTTP/1.1 302 Found");
        await Expect(response).ToContainTextAsync("Location: /http/hello");
        await Expect(response).ToContainTextAsync("Set-Cookie: name=Grey; path=/; samesite=lax; httponly");
        await Expect(page.Locator("pre#request")).ToContainTextAsync("GET /http/set/Grey HTTP/1.1");
        watched.AssertNothingWentWrong();
    }
}
