using HelloMvc.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace HelloMvc.Tests.Browser;

/// <summary>The cookie lab in a real Chromium: the browser, not the site, decides when a cookie is gone.</summary>
[Collection(BrowserCollection.Name)]
public class CookieLabTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_cookie_set_with_Max_Age_2_in_the_lab_is_sent_back_then_gone_once_it_expired()
    {
        await using var watched = await browser.OpenPageAsync();
        var page = watched.Page;
        await page.GotoAsync("/http/cookie");

        await page.FillAsync("#lab-name", "brief");
        await page.FillAsync("#lab-value", "gone soon");
        await page.FillAsync("#lab-maxAge", "2");
        await page.ClickAsync("form.cookie-lab button[type=submit]");

        // The lab redirected back to itself, and the browser sent the new cookie with that request.
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/http/cookie$"));
        var brief = page.Locator("#cookies tr", new() { Has = page.Locator("th", new() { HasTextString = "brief" }) });
        await Expect(brief.Locator("td")).ToHaveTextAsync("gone soon");
        var stored = Assert.Single(await page.Context.CookiesAsync(), cookie => cookie.Name == "brief");
        Assert.Equal("gone%20soon", stored.Value);

        // Two seconds later the browser forgets it: reload, a bounded number of times, until it no longer sends it.
        var deadline = DateTime.UtcNow.AddSeconds(15);
        do
        {
            await page.WaitForTimeoutAsync(500);
            await page.ReloadAsync();
        }
        while (await brief.CountAsync() > 0 && DateTime.UtcNow < deadline);

        Assert.Equal(0, await brief.CountAsync());
        Assert.DoesNotContain(await page.Context.CookiesAsync(), cookie => cookie.Name == "brief");
        watched.AssertNothingWentWrong();
    }
}
