using AngleSharp.Html.Parser;
using HelloMvc.Tests.Infrastructure;
using HelloMvc.Web.LookingInside.Catalog;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HelloMvc.Tests.Browser;

/// <summary>"The code" on a demo page and the /source pages, in a real Chromium under the site's Content-Security-Policy.</summary>
[Collection(BrowserCollection.Name)]
public class SourceSectionBrowserTests(BrowserFixture browser)
{
    /// <summary>Where the screenshots of /http/hello's code section go (the build output; HELLOMVC_SHOTS names another folder).</summary>
    public static string ScreenshotFolder =>
        Environment.GetEnvironmentVariable("HELLOMVC_SHOTS") is { Length: > 0 } folder ? folder : Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>
    /// The chapter lessons (chapters 1 and 2 of the index), which all lead with an action and its Flask twin; a redirect's
    /// target is a lesson of its own (and one leads off the site).
    /// </summary>
    public static IEnumerable<Demo> ChapterLessons =>
        DemoCatalog.Chapters.Where(chapter => chapter.Title is DemoCatalog.MinimalApp or DemoCatalog.Http)
            .SelectMany(chapter => chapter.Sections).SelectMany(section => section.Demos)
            .Where(demo => demo.Status is < 300 or >= 400);

    [Fact]
    public async Task The_code_on_the_hello_page_is_coloured_by_the_stylesheet_with_no_console_error_or_CSP_violation()
    {
        await using var watched = await browser.OpenPageAsync();
        var page = watched.Page;
        await page.GotoAsync("/http/hello");

        var section = page.Locator("main > section.the-code");
        await Expect(section.Locator("h2")).ToHaveTextAsync("The code");
        await Expect(section.Locator(".source-lead figcaption .path").First).ToHaveTextAsync("HelloMvc.Web/Controllers/Http/RequestController.cs");
        await Expect(section.Locator(".source-lead figcaption .path").Nth(1)).ToHaveTextAsync("HelloMvc.Web/Flask/app.py");
        // The colours and the unselectable line numbers come from site.css (no inline style is allowed), the C#'s and the Python's.
        foreach (var code in new[] { section.Locator("pre.code").First, section.Locator("pre.code").Nth(1) })
        {
            var plain = await code.EvaluateAsync<string>("e => getComputedStyle(e).color");
            foreach (var kind in new[] { "keyword", "string", "comment", "type" })
            {
                Assert.NotEqual(plain, await code.Locator(".tok-" + kind).First.EvaluateAsync<string>("e => getComputedStyle(e).color"));
            }
            Assert.Equal("none", await code.Locator(".ln").First.EvaluateAsync<string>("e => getComputedStyle(e).userSelect"));
        }
        watched.AssertNothingWentWrong();
    }

    [Fact]
    public async Task On_every_chapter_lesson_at_1280_px_the_action_and_its_Flask_twin_sit_side_by_side_and_fit_without_scrolling()
    {
        await using var watched = await browser.OpenPageAsync();
        var page = watched.Page;
        await page.SetViewportSizeAsync(1280, 900);

        var wrong = new List<string>();
        foreach (var demo in ChapterLessons)
        {
            await page.GotoAsync(demo.Path);
            var lead = page.Locator("main > section.the-code .source-lead");
            if (await lead.CountAsync() == 0)
            {
                continue; // not a page with the layout's code section (text, a redirect's target is checked on its own, the 500 page)
            }
            // Both boxes in one read: Try it's script may still be marking tasks above, which moves the section down.
            var boxes = await lead.EvaluateAsync<double[][]>("""
                lead => [...lead.querySelectorAll('figure.code-block')].slice(0, 2)
                  .map(figure => { const box = figure.getBoundingClientRect(); return [box.x, box.y, box.width]; })
                """);
            var (action, flask) = (boxes[0], boxes[1]);
            if (flask[0] < action[0] + action[2] || Math.Abs(flask[1] - action[1]) > 2)
            {
                wrong.Add($"{demo.Path}: the Flask block is not beside the action ({action[0]},{action[1]} {action[2]}w; {flask[0]},{flask[1]})");
            }
            // Every code line of the lead on one line (a comment may wrap, as prose), and no box to scroll sideways.
            var overflowing = await lead.EvaluateAsync<string[]>("""
                lead => [...lead.querySelectorAll('pre.code')].flatMap(pre => {
                  const out = pre.scrollWidth > pre.clientWidth ? [pre.closest('figure').dataset.path + ' scrolls sideways'] : [];
                  const height = parseFloat(getComputedStyle(pre).lineHeight);
                  for (const line of pre.querySelectorAll('.line')) {
                    if (line.getBoundingClientRect().height > height * 1.5 && !line.querySelector('.tok-comment')) out.push('wraps: ' + line.textContent);
                  }
                  return out;
                })
                """);
            wrong.AddRange(overflowing.Select(line => $"{demo.Path}: {line}"));
            if (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"))
            {
                wrong.Add($"{demo.Path}: the page scrolls sideways");
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        Assert.Empty(watched.CspViolations);
        Assert.Empty(watched.ScriptErrors);
    }

    [Fact]
    public async Task On_a_phone_the_Flask_lines_come_under_the_action_and_no_chapter_lesson_scrolls_sideways()
    {
        await using var watched = await browser.OpenPageAsync();
        var page = watched.Page;
        await page.SetViewportSizeAsync(390, 844);

        var wrong = new List<string>();
        foreach (var demo in ChapterLessons)
        {
            await page.GotoAsync(demo.Path);
            var lead = page.Locator("main > section.the-code .source-lead");
            if (await lead.CountAsync() == 0)
            {
                continue;
            }
            var action = (await lead.Locator("figure.code-block").First.BoundingBoxAsync())!;
            var flask = (await lead.Locator("figure.code-block").Nth(1).BoundingBoxAsync())!;
            if (flask.Y < action.Y + action.Height)
            {
                wrong.Add($"{demo.Path}: the Flask block is not under the action");
            }
            if (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"))
            {
                wrong.Add($"{demo.Path}: the page scrolls sideways");
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task Opening_the_rest_fetches_the_same_listing_the_source_page_shows_and_closing_folds_it()
    {
        await using var watched = await browser.OpenPageAsync();
        var page = watched.Page;
        await page.GotoAsync("/http/bar");
        var section = page.Locator("main > section.the-code");
        var control = section.Locator("button.source-more");
        await Expect(control).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(section.Locator("#source-rest")).ToBeHiddenAsync();

        await control.ClickAsync();

        await Expect(control).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(control).ToBeFocusedAsync();
        var rest = section.Locator("#source-rest");
        await Expect(rest.Locator("figure.code-block").First).ToBeVisibleAsync();
        var fetched = await rest.Locator("figure.code-block").EvaluateAllAsync<string[]>(
            "figures => figures.map(f => f.dataset.path + ':' + [...f.querySelectorAll('.ln')].map(n => n.textContent).join(','))");
        var sourcePage = await new HtmlParser().ParseDocumentAsync(
            await browser.CreateClient().GetStringAsync("/source/http/bar", TestContext.Current.CancellationToken));
        var shown = sourcePage.QuerySelectorAll(".source-rest-blocks figure.code-block")
            .Select(figure => figure.GetAttribute("data-path") + ":" + string.Join(',', figure.QuerySelectorAll(".ln").Select(number => number.TextContent)))
            .ToArray();
        Assert.Equal(shown, fetched);
        Assert.Contains(fetched, block => block.StartsWith("HelloMvc.Web/Views/RedirectBack/Page.cshtml:"));

        await control.ClickAsync();

        await Expect(rest).ToBeHiddenAsync();
        await Expect(control).ToHaveAttributeAsync("aria-expanded", "false");
        watched.AssertNothingWentWrong();
    }

    [Fact]
    public async Task The_hello_pages_code_section_is_photographed_at_1280_and_390_px()
    {
        await using var watched = await browser.OpenPageAsync();
        var page = watched.Page;
        Directory.CreateDirectory(ScreenshotFolder);
        foreach (var (width, height) in new[] { (1280, 900), (390, 844) })
        {
            await page.SetViewportSizeAsync(width, height);
            await page.GotoAsync("/http/hello");
            var path = Path.Combine(ScreenshotFolder, $"http-hello-the-code-{width}.png");

            // The section and its lead, which at 1280 px is wider than the text column.
            var section = (await page.Locator("main > section.the-code").BoundingBoxAsync())!;
            var lead = (await page.Locator("main > section.the-code .source-lead").BoundingBoxAsync())!;
            var left = Math.Min(section.X, lead.X);
            var clipWidth = Math.Max(section.X + section.Width, lead.X + lead.Width) - left;
            await page.ScreenshotAsync(new PageScreenshotOptions
            {
                Path = path,
                FullPage = true,
                Clip = new Clip { X = left, Y = section.Y, Width = clipWidth, Height = section.Height },
            });

            Assert.True(new FileInfo(path).Length > 0, $"{path} is empty");
        }
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

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        watched.AssertNothingWentWrong();
    }
}
