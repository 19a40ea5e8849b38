using System.Net;
using HelloMvc.Tests.Infrastructure;
using HelloMvc.Web.LookingInside.Catalog;
using HelloMvc.Web.LookingInside.Source;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HelloMvc.Tests.LookingInside.Source;

/// <summary>"The code" at the end of every demo page, rendered by the layout for the action that answered.</summary>
public class SourceSectionTests(SiteFactory site)
{
    public static TheoryData<string> IndexDemos =>
        [.. DemoCatalog.Chapters.SelectMany(chapter => chapter.Sections).SelectMany(section => section.Demos).Select(demo => demo.Path)];

    // Raw answers (and redirects a client follows) have no layout; the 500 page has one, but shows no code.
    private static bool NoCodeSectionBy(string path) =>
        DemoCatalog.OnIndex.First(demo => demo.Path == path) is { } demo
        && (demo.OpensRaw || demo.Status == StatusCodes.Status500InternalServerError);

    [Theory]
    [MemberData(nameof(IndexDemos))]
    public async Task Every_demo_page_ends_with_the_code_of_the_action_and_view_that_made_it(string path)
    {
        var client = site.CreateNoRedirectClient();
        var (response, ran) = await ActionsThatRan.SendAsync(client, new HttpRequestMessage(HttpMethod.Get, path));
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var page = new Page(response, await new AngleSharp.Html.Parser.HtmlParser().ParseDocumentAsync(html, TestContext.Current.CancellationToken));
        // The catalogue says which demos are pages in the site's layout (an error page too): text, JSON, XML, partial
        // views, a 201 and redirects have their /source page instead, and so has the 500 page, which names nothing of
        // the code that failed. A demo page that lost its layout or its code fails here.
        if (NoCodeSectionBy(path))
        {
            Assert.Empty(page.Document.QuerySelectorAll("section.the-code"));
            return;
        }
        Assert.NotNull(page.Document.QuerySelector("header.site-header"));

        var section = page.Document.QuerySelector("main > section.the-code");
        Assert.NotNull(section);
        Assert.Same(section, page.Document.QuerySelector("main")!.Children.Last());
        Assert.Equal("The code", section.QuerySelector("h2")!.TextContent);
        Assert.Empty(section.QuerySelectorAll("figure.code-block").SelectMany(block => block.LinesUnlikeDisk()));
        // The rest is folded: one link to the demo's /source page, which the page's script fetches as ?part=rest.
        var rest = section.QuerySelector(".source-more a[data-rest]")!;
        Assert.StartsWith("/source/", rest.GetAttribute("href"));
        Assert.Equal(rest.GetAttribute("href") + "?part=rest", rest.GetAttribute("data-rest"));
        if (ran is null)
        {
            // Routing refused the URL (a constraint): no action ran, and the section says so instead of claiming one did.
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.StartsWith("No action answered", section.QuerySelector(".lead")!.TextContent);
            return;
        }
        // The lead is the action that answered, its lines as they are on disk, and nothing else of its file.
        var lead = section.QuerySelectorAll(".source-lead figure.code-block").ToList();
        var declared = RepositorySources.Find(ran.MethodInfo);
        Assert.Equal(declared.Path, lead[0].QuerySelector(".path")!.TextContent);
        Assert.Empty(lead[0].ParentElement!.MissingLines(declared));
        Assert.Equal(declared.LastLine, lead[0].ShownLines()[^1].Number);
        if (page.Document.QuerySelector(".error-page") is not null)
        {
            Assert.StartsWith("What answered with this error", section.QuerySelector(".lead")!.TextContent);
        }
    }

    [Theory]
    [MemberData(nameof(ChapterLessons))]
    public async Task Every_chapter_lesson_leads_with_its_action_and_beside_it_the_Flask_lines_that_mirror_it(string path)
    {
        var client = site.CreateNoRedirectClient();
        var (response, ran) = await ActionsThatRan.SendAsync(client, new HttpRequestMessage(HttpMethod.Get, path));
        var page = new Page(response, await new AngleSharp.Html.Parser.HtmlParser().ParseDocumentAsync(
            await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), TestContext.Current.CancellationToken));
        if (NoCodeSectionBy(path))
        {
            // A redirect, text or the 500 page: its code is on /source, checked by the code page's tests.
            Assert.Null(page.Document.QuerySelector("main > section.the-code"));
            return;
        }
        var action = ran ?? LandingOf(path);

        var lead = page.Document.QuerySelectorAll("main > section.the-code .source-lead > figure.code-block").ToList();

        Assert.Equal(2, lead.Count);
        Assert.Empty(lead[0].ParentElement!.MissingLines(RepositorySources.Find(action.MethodInfo)));
        Assert.Equal("HelloMvc.Web/Flask/app.py", lead[1].QuerySelector(".path")!.TextContent);
        var flask = lead[1].ShownLines();
        Assert.Equal($"# {action.ControllerTypeInfo.Name}.{action.MethodInfo.Name}", flask[0].Code);
        Assert.Contains(flask, line => line.Code.StartsWith("@app.route(", StringComparison.Ordinal));
        Assert.Contains(flask, line => line.Code.StartsWith("def ", StringComparison.Ordinal));
        Assert.Empty(lead[1].LinesUnlikeDisk());
    }

    [Fact]
    public void Every_block_of_the_Flask_app_names_an_action_of_the_site_and_every_chapter_lesson_has_one()
    {
        var blocks = FlaskBlocks();
        var actions = site.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items
            .OfType<ControllerActionDescriptor>()
            .Select(action => $"{action.ControllerTypeInfo.Name}.{action.MethodInfo.Name}")
            .ToHashSet();
        var lessons = ChapterLessonPaths
            .Select(LandingOf)
            .Select(action => $"{action.ControllerTypeInfo.Name}.{action.MethodInfo.Name}")
            .Distinct();

        Assert.NotEmpty(blocks);
        Assert.DoesNotContain(blocks, block => !actions.Contains(block));
        Assert.DoesNotContain(lessons, lesson => !blocks.Contains(lesson));
        Assert.Equal(blocks.Distinct().Count(), blocks.Count);
        Assert.Equal(blocks.Order(), site.Services.GetRequiredService<EmbeddedSources>().FlaskBlocks.Order());
    }

    [Fact]
    public void The_Flask_app_starts_as_the_notes_does_and_separates_its_blocks_by_one_blank_line()
    {
        var lines = RepositorySources.Lines(FlaskApp);
        var headings = lines.Select((line, index) => (line, index)).Where(entry => IsHeading(entry.line)).ToList();

        Assert.Contains("app = Flask(__name__)", lines.Take(headings[0].index));
        Assert.All(headings, heading => Assert.Equal("", lines[heading.index - 1]));
        // Between two blocks nothing but the blank line: every line after the first heading belongs to a block.
        var blank = lines.Select((line, index) => (line, index)).Where(entry => entry.index > headings[0].index && entry.line.Trim() == "").ToList();
        Assert.All(blank, entry => Assert.True(entry.index + 1 < lines.Length && IsHeading(lines[entry.index + 1]), $"line {entry.index + 1} is blank but no block follows"));
    }

    private const string FlaskApp = "HelloMvc.Web/Flask/app.py";

    private static bool IsHeading(string line) => System.Text.RegularExpressions.Regex.IsMatch(line, @"^# \w+\.\w+$");

    private static IReadOnlyList<string> FlaskBlocks() =>
        RepositorySources.Lines(FlaskApp).Where(IsHeading).Select(line => line[2..]).ToList();

    private static IEnumerable<string> ChapterLessonPaths =>
        DemoCatalog.Chapters.Where(chapter => chapter.Title is DemoCatalog.MinimalApp or DemoCatalog.Http)
            .SelectMany(chapter => chapter.Sections).SelectMany(section => section.Demos).Select(demo => demo.Path);

    public static TheoryData<string> ChapterLessons => [.. ChapterLessonPaths];

    private ControllerActionDescriptor LandingOf(string path) =>
        site.Services.GetRequiredService<DemoRouting>().Find(HttpMethods.Get, path.Split('?', '#')[0])!.Action;

    [Fact]
    public async Task The_folded_rest_shows_the_view_the_view_engine_finds_for_the_action()
    {
        var page = await RestOfAsync("/http/bar");

        var view = page.Document.Block("HelloMvc.Web/Views/RedirectBack/Page.cshtml");
        Assert.NotNull(view);
        Assert.Equal(RepositorySources.Lines("HelloMvc.Web/Views/RedirectBack/Page.cshtml").Length, view.ShownLines().Count);
    }

    [Theory]
    [InlineData("/http/g?name=Grey", "HelloMvc.Web/Hooks/RememberNameFilter.cs")]
    [InlineData("/http/colors/white", "HelloMvc.Web/Routing/ColorRouteConstraint.cs")]
    [InlineData("/http/foo", "HelloMvc.Web/Redirects/SafeRedirectExtensions.cs")]
    [InlineData("/http/post", "HelloMvc.Web/wwwroot/js/post.js")]
    [InlineData("/http/hello", "HelloMvc.Web/Program.cs")]
    public async Task A_demo_pages_folded_rest_shows_the_piece_it_is_about(string path, string piece)
    {
        var page = await RestOfAsync(path);

        Assert.NotNull(page.Document.Block(piece));
    }

    [Theory]
    [InlineData("/http/hello")]
    [InlineData("/http/brew/coffee")]
    [InlineData("/http/colors/purple")]
    [InlineData("/hello/greet/Ada")]
    public async Task The_folded_rest_is_the_rest_of_the_listing_its_source_page_shows(string path)
    {
        var client = site.CreateClient();
        var section = (await client.GetPageAsync(path)).Document.QuerySelector("main > section.the-code")!;
        var link = section.QuerySelector(".source-more a")!;

        var rest = await client.GetPageAsync(link.GetAttribute("data-rest")!);
        var source = await client.GetPageAsync(link.GetAttribute("href")!);

        Assert.Equal(HttpStatusCode.OK, rest.Status);
        Assert.Null(rest.Document.QuerySelector("header.site-header"));
        Assert.Equal(source.Document.QuerySelector(".source-rest-blocks")!.OuterHtml, rest.Document.QuerySelector(".source-rest-blocks")!.OuterHtml);
        Assert.Equal(
            section.QuerySelector(".source-lead")!.OuterHtml,
            source.Document.QuerySelector(".source-lead")!.OuterHtml);
    }

    [Theory]
    [InlineData("/http/brew/coffee")]
    [InlineData("/http/login")]
    [InlineData("/http/post")]
    public async Task The_chapters_own_controller_is_left_out_of_a_demo_that_is_not_about_it(string path)
    {
        var page = await site.CreateClient().GetPageAsync("/source" + path);

        Assert.Null(page.Document.Block("HelloMvc.Web/Controllers/Http/HttpChapterController.cs"));
    }

    private async Task<Page> RestOfAsync(string path)
    {
        var client = site.CreateClient();
        var page = await client.GetPageAsync(path);
        var rest = page.Document.QuerySelector("main > section.the-code .source-more a")!.GetAttribute("data-rest")!;
        return await client.GetPageAsync(rest);
    }

    [Fact]
    public async Task The_admin_page_shows_its_code_to_a_logged_in_learner()
    {
        var client = site.CreateClient();
        await client.GetAsync("/http/login", TestContext.Current.CancellationToken);

        var page = await client.GetPageAsync("/http/admin");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.Document.QuerySelector("section.the-code .source-lead")!.Block("HelloMvc.Web/Controllers/Http/SessionController.cs"));
    }

    [Fact]
    public async Task The_404_page_of_a_URL_a_constraint_refused_shows_the_route_and_the_constraint()
    {
        var page = await site.CreateClient().GetPageAsync("/http/colors/purple");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        var section = page.Document.QuerySelector("main > section.the-code")!;
        Assert.Contains(section.Block("HelloMvc.Web/Controllers/Http/UrlRulesController.cs")!.ShownLines(),
            line => line.Code.Contains("[HttpGet(\"colors/{color:color}\")]"));
        var rest = await site.CreateClient().GetPageAsync(section.QuerySelector(".source-more a")!.GetAttribute("data-rest")!);
        Assert.NotNull(rest.Document.Block("HelloMvc.Web/Routing/ColorRouteConstraint.cs"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/nothing-here")]
    [InlineData("/error/404")]
    [InlineData("/hello/error")]
    public async Task Pages_that_are_no_demo_have_no_code_section(string path)
    {
        var page = await site.CreateClient().GetPageAsync(path);

        Assert.Empty(page.Document.QuerySelectorAll("section.the-code"));
    }

    [Theory]
    [InlineData("/a%2500b/%25")] // the server decodes a path once; the code section must never decode it again
    [InlineData("/http/post/delete/a%2500b")]
    public async Task An_error_page_for_a_percent_laden_path_is_no_500(string path)
    {
        var page = await site.CreateClient().GetPageAsync(path);

        Assert.True((int)page.Status is >= 400 and < 500, $"{path}: {page.Status}");
        Assert.Empty(page.Document.QuerySelectorAll("section.the-code"));
    }

    [Fact]
    public async Task A_code_page_has_its_own_code_section_and_no_second_one()
    {
        var page = await site.CreateClient().GetPageAsync("/source/http/hello");

        Assert.Single(page.Document.QuerySelectorAll("section.the-code"));
    }
}
