using System.Net;
using HelloMvc.Tests.Infrastructure;
using HelloMvc.Web.LookingInside.Catalog;

namespace HelloMvc.Tests.LookingInside.Source;

/// <summary>"The code" at the end of every demo page, rendered by the layout for the action that answered.</summary>
public class SourceSectionTests(SiteFactory site)
{
    public static TheoryData<string> IndexDemos =>
        [.. DemoCatalog.Chapters.SelectMany(chapter => chapter.Sections).SelectMany(section => section.Demos).Select(demo => demo.Path)];

    [Theory]
    [MemberData(nameof(IndexDemos))]
    public async Task Every_demo_page_ends_with_the_code_of_the_action_and_view_that_made_it(string path)
    {
        var client = site.CreateNoRedirectClient();
        var (response, ran) = await ActionsThatRan.SendAsync(client, new HttpRequestMessage(HttpMethod.Get, path));
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var page = new Page(response, await new AngleSharp.Html.Parser.HtmlParser().ParseDocumentAsync(html, TestContext.Current.CancellationToken));
        // A demo page is a page in the site's layout (an error page too); text, JSON, XML, partial views and redirects
        // have their /source page instead, and so has the 500 page, which names nothing of the code that failed.
        if (page.Document.QuerySelector("header.site-header") is null || response.StatusCode == HttpStatusCode.InternalServerError)
        {
            Assert.Empty(page.Document.QuerySelectorAll("section.the-code"));
            return;
        }

        var section = page.Document.QuerySelector("main > section.the-code");
        Assert.NotNull(section);
        Assert.Same(section, page.Document.QuerySelector("main")!.Children.Last());
        Assert.Equal("The code", section.QuerySelector("h2")!.TextContent);
        Assert.Empty(section.QuerySelectorAll("figure.code-block").SelectMany(block => block.LinesUnlikeDisk()));
        if (ran is null)
        {
            // Routing refused the URL (a constraint): no action ran, and the section says so instead of claiming one did.
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.StartsWith("No action answered", section.QuerySelector(".lead")!.TextContent);
            return;
        }
        Assert.Empty(section.MissingLines(RepositorySources.Find(ran.MethodInfo)));
        if (page.Document.QuerySelector(".error-page") is null)
        {
            Assert.Contains(section.QuerySelectorAll("figcaption .path"), caption => caption.TextContent.StartsWith("HelloMvc.Web/Views/"));
        }
        else
        {
            Assert.StartsWith("What answered with this error", section.QuerySelector(".lead")!.TextContent);
        }
    }

    [Fact]
    public async Task The_view_shown_is_the_one_that_rendered()
    {
        var page = await site.CreateClient().GetPageAsync("/http/bar");

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
    public async Task A_demo_page_shows_the_piece_it_is_about(string path, string piece)
    {
        var page = await site.CreateClient().GetPageAsync(path);

        Assert.NotNull(page.Document.QuerySelector("section.the-code")!.Block(piece));
    }

    [Fact]
    public async Task The_admin_page_shows_its_code_to_a_logged_in_learner()
    {
        var client = site.CreateClient();
        await client.GetAsync("/http/login", TestContext.Current.CancellationToken);

        var page = await client.GetPageAsync("/http/admin");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.Document.QuerySelector("section.the-code")!.Block("HelloMvc.Web/Controllers/Http/SessionController.cs"));
    }

    [Fact]
    public async Task The_404_page_of_a_URL_a_constraint_refused_shows_the_route_and_the_constraint()
    {
        var page = await site.CreateClient().GetPageAsync("/http/colors/purple");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        var section = page.Document.QuerySelector("main > section.the-code")!;
        Assert.Contains(section.Block("HelloMvc.Web/Controllers/Http/UrlRulesController.cs")!.ShownLines(),
            line => line.Code.Contains("[HttpGet(\"colors/{color:color}\")]"));
        Assert.NotNull(section.Block("HelloMvc.Web/Routing/ColorRouteConstraint.cs"));
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
