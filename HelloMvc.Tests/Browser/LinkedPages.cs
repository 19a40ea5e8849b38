using Microsoft.Playwright;

namespace HelloMvc.Tests.Browser;

/// <summary>
/// The pages the index links (the index itself, each demo, its exchange and its code), as a browser opens them. A raw
/// answer (text, JSON, XML, a partial) is no page of the site: the index marks it (li.raw a.open), and it is left out.
/// </summary>
public static class LinkedPages
{
    public static async Task<IReadOnlyList<string>> ReadAsync(IPage page)
    {
        await page.GotoAsync("/");
        var hrefs = await page.Locator("li.demo a[href]:not(li.raw a.open)").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        var onSite = new List<string> { "/" };
        foreach (var href in hrefs.Distinct())
        {
            // A redirect to another site (/http/redirect) would leave the machine; its exchange shows it instead.
            var first = await page.APIRequest.GetAsync(href, new APIRequestContextOptions { MaxRedirects = 0 });
            if (first.Status is >= 300 and < 400 && Uri.TryCreate(first.Headers["location"], UriKind.Absolute, out _))
            {
                continue;
            }
            onSite.Add(href);
        }
        return onSite;
    }
}
