using System.Net;
using HelloMvc.Tests.Infrastructure;
using HelloMvc.Web.LookingInside.Catalog;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace HelloMvc.Tests.LookingInside.Source;

public class SourceControllerTests(SiteFactory site)
{
    private readonly HttpClient _client = site.CreateNoRedirectClient();

    public static TheoryData<string> Demos => [.. DemoCatalog.All.Select(demo => demo.Path)];

    private static Demo DemoAt(string path) => DemoCatalog.All.First(demo => demo.Path == path);

    private static string CodePageOf(Demo demo) => "/source" + demo.PathOnly;

    [Theory]
    [MemberData(nameof(Demos))]
    public async Task Every_demo_has_a_code_page_showing_the_action_that_really_answers_it_with_its_lines_in_the_file(string path)
    {
        var demo = DemoAt(path);
        // The demo's request itself, from a fresh visitor: MVC's own diagnostics say which action ran.
        var (answer, ran) = await ActionsThatRan.SendAsync(site.CreateNoRedirectClient(), new HttpRequestMessage(new HttpMethod(demo.Method), demo.Path));

        var page = await _client.GetPageAsync(CodePageOf(demo));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal($"{demo.Method} {demo.PathOnly}", page.Text("h1 code"));
        if (ran is null)
        {
            // Routing refused it (a constraint): no action ran, and the page says so instead of claiming one did.
            Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
            Assert.Contains("No action runs", page.Text(".refused"));
            return;
        }
        Assert.Empty(page.Document.QuerySelectorAll(".refused"));
        Assert.Equal($"{ran.ControllerTypeInfo.Name}.{ran.MethodInfo.Name}", page.Document.QuerySelector(".source-facts")!.ReadLabeled()["Action"]);
        var declared = RepositorySources.Find(ran.MethodInfo);
        Assert.Empty(page.Document.MissingLines(declared));
    }

    [Theory]
    [MemberData(nameof(Demos))]
    public async Task Every_line_a_code_page_shows_is_that_line_of_the_file_on_disk(string path)
    {
        var page = await _client.GetPageAsync(CodePageOf(DemoAt(path)));

        var blocks = page.Document.QuerySelectorAll("section.the-code figure.code-block").ToList();
        Assert.NotEmpty(blocks);
        Assert.All(blocks, block => Assert.NotEmpty(block.ShownLines()));
        Assert.Empty(blocks.SelectMany(block => block.LinesUnlikeDisk()));
    }

    [Theory]
    [InlineData("/http/g", "HelloMvc.Web/Hooks/RememberNameFilter.cs")]
    [InlineData("/http/context", "HelloMvc.Web/Hooks/RememberNameFilter.cs")]
    [InlineData("/http/do-something", "HelloMvc.Web/Redirects/SafeRedirectExtensions.cs")]
    [InlineData("/http/colors/green", "HelloMvc.Web/Routing/ColorRouteConstraint.cs")]
    [InlineData("/http/post", "HelloMvc.Web/wwwroot/js/post.js")]
    [InlineData("/http/logout", "HelloMvc.Web/Program.cs")]
    public async Task A_code_page_shows_the_piece_the_demo_is_about(string demo, string piece)
    {
        var page = await _client.GetPageAsync("/source" + demo);

        Assert.NotNull(page.Document.Block(piece));
    }

    [Fact]
    public async Task The_session_demos_show_where_the_session_is_configured()
    {
        var page = await _client.GetPageAsync("/source/http/login");

        var program = page.Document.Block("HelloMvc.Web/Program.cs")!.ShownLines();
        Assert.Contains(program, line => line.Code.Contains("builder.Services.AddSession("));
        Assert.Contains(program, line => line.Code.Contains("session.Cookie.HttpOnly = true;"));
    }

    [Fact]
    public async Task The_code_page_leads_with_the_action_alone_and_a_piece_in_its_file_joins_its_controllers_header()
    {
        var page = await _client.GetPageAsync("/source/exchange");

        var lead = page.Document.QuerySelector(".source-lead figure.code-block")!;
        Assert.Equal("HelloMvc.Web/LookingInside/Exchange/ExchangeController.cs", lead.QuerySelector(".path")!.TextContent);
        Assert.DoesNotContain(lead.ShownLines(), line => line.Code.Contains("internal string? Viewable("));
        var rest = page.Document.QuerySelector(".source-rest-blocks")!.Block("HelloMvc.Web/LookingInside/Exchange/ExchangeController.cs")!.ShownLines();
        Assert.Contains(rest, line => line.Code.Contains("public class ExchangeController"));
        Assert.Contains(rest, line => line.Code.Contains("internal string? Viewable("));
        Assert.Equal(rest.Select(line => line.Number).Order(), rest.Select(line => line.Number));
    }

    [Theory]
    [InlineData("/source/http/hello?part=more")]
    public async Task A_part_that_is_not_the_rest_is_a_400(string url)
    {
        var page = await _client.GetPageAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
    }

    [Fact]
    public async Task The_rest_of_a_code_page_is_a_partial_without_the_layout()
    {
        var page = await _client.GetPageAsync("/source/http/brew/tea?part=rest");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Null(page.Document.QuerySelector("header.site-header"));
        Assert.NotNull(page.Document.Block("HelloMvc.Web/Views/Responses/Brew.cshtml"));
        Assert.Empty(page.Document.QuerySelectorAll(".source-lead"));
    }

    [Fact]
    public async Task The_code_page_of_a_view_shows_the_view_the_action_names()
    {
        var foo = await _client.GetPageAsync("/source/http/foo");
        var tea = await _client.GetPageAsync("/source/http/brew/tea");

        Assert.NotNull(foo.Document.Block("HelloMvc.Web/Views/RedirectBack/Page.cshtml"));
        Assert.NotNull(tea.Document.Block("HelloMvc.Web/Views/Responses/Brew.cshtml"));
    }

    [Fact]
    public async Task The_code_page_of_an_action_shows_its_route_and_its_controllers_header()
    {
        var page = await _client.GetPageAsync("/source/http/brew/coffee");

        var controller = page.Document.QuerySelector(".source-rest-blocks")!.Block("HelloMvc.Web/Controllers/Http/ResponsesController.cs")!.ShownLines();
        Assert.Contains(controller, line => line.Code == "public class ResponsesController(HtmlEncoder html) : HttpChapterController");
        Assert.Equal("/http/brew/{drink}", page.Document.QuerySelector(".source-facts")!.ReadLabeled()["Route"]);
        Assert.Equal("418 I'm a teapot", page.Document.QuerySelector(".source-facts")!.ReadLabeled()["Answer"]);
    }

    [Fact]
    public async Task The_chapters_root_is_about_the_chapters_controller_and_shows_its_route_prefix()
    {
        var page = await _client.GetPageAsync("/source/http");

        var inherited = page.Document.Block("HelloMvc.Web/Controllers/Http/HttpChapterController.cs")!.ShownLines();
        Assert.Contains(inherited, line => line.Code == "[Route(\"http\")]");
    }

    [Fact]
    public async Task The_DELETE_a_script_sends_has_a_code_page_linked_from_the_post_page()
    {
        var post = await _client.GetPageAsync("/source/http/post");
        var link = post.Document.QuerySelector(".script-sends a.code")!.GetAttribute("href")!;

        var page = await _client.GetPageAsync(link);

        Assert.Equal("/source/http/post/delete/1", link);
        Assert.Equal("DELETE /http/post/delete/1", page.Text("h1 code"));
        Assert.Equal("AjaxController.Delete", page.Document.QuerySelector(".source-facts")!.ReadLabeled()["Action"]);
        Assert.Empty(page.Document.QuerySelectorAll("a.open, a.exchange"));
    }

    [Fact]
    public async Task Code_is_highlighted_by_token_kind()
    {
        var page = await _client.GetPageAsync("/source/http/more");

        var action = page.Document.QuerySelector(".source-lead")!.Block("HelloMvc.Web/Controllers/Http/AjaxController.cs")!;
        string[] Texts(string css) => action.QuerySelectorAll("." + css).Select(span => span.TextContent).ToArray();
        Assert.Contains("public", Texts("tok-keyword"));
        Assert.Contains("\"more\"", Texts("tok-string"));
        Assert.Contains("1", Texts("tok-number"));
        Assert.Contains("IActionResult", Texts("tok-type"));
        Assert.Contains(Texts("tok-comment"), comment => comment.StartsWith("// What Load More fetches"));
        Assert.Empty(page.Document.QuerySelectorAll("pre.code [style], pre.code script"));
    }

    [Fact]
    public async Task Index_links_every_demo_to_its_code_page()
    {
        var index = await _client.GetPageAsync("/");

        var demos = index.Document.QuerySelectorAll("li.demo").ToList();
        Assert.Equal(DemoCatalog.Chapters.SelectMany(c => c.Sections).Sum(s => s.Demos.Count), demos.Count);
        Assert.All(demos, demo =>
        {
            var path = demo.QuerySelector("a.open")!.GetAttribute("href")!;
            var code = demo.QuerySelector("a.code");
            Assert.Equal("see the code", code?.TextContent);
            Assert.Equal("/source" + path.Split(['?', '#'])[0], code?.GetAttribute("href"));
        });
    }

    [Fact]
    public async Task Routes_lists_the_code_page()
    {
        var page = await _client.GetPageAsync("/routes");

        Assert.Contains(["Source.Show", "GET", "/source/{**demo}"], page.Document.GetElementById("routes")!.ReadRows());
    }

    [Theory]
    [InlineData("/source")]
    [InlineData("/source/nothing-here")]
    [InlineData("/source/http/brew/earl-grey")] // a real URL of the site, but not one of its demos
    [InlineData("/source/http/hello/extra")]
    [InlineData("/source/HelloMvc.Web/Program.cs")]
    [InlineData("/source/Controllers/HomeController")]
    [InlineData("/source/%2e%2e/%2e%2e/HelloMvc.Web/Program.cs")]
    [InlineData("/source/..%2F..%2FHelloMvc.Web%2FProgram.cs")]
    [InlineData("/source/%2Fetc%2Fpasswd")]
    [InlineData("/source//etc/passwd")]
    [InlineData("/source/C:/Windows/win.ini")]
    public async Task Anything_that_is_not_a_demo_is_the_sites_404_page(string url)
    {
        var page = await _client.GetPageAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("404", page.Text("h1"));
        Assert.Empty(page.Document.QuerySelectorAll("pre.code"));
    }

    [Theory]
    [InlineData("/source/../HelloMvc.Web/Program.cs")]
    [InlineData("/source/http/../../HelloMvc.Web/HelloMvc.Web.csproj")]
    [InlineData("/source/./http/brew/coffee/../../../../README.md")]
    public async Task A_path_with_dot_segments_that_reaches_the_site_untouched_is_the_sites_404_page(string rawPath)
    {
        // Clients and Kestrel resolve the dots before routing; sent straight into the pipeline, they reach the action as they are.
        var context = await site.Server.SendAsync(request =>
        {
            request.Request.Method = HttpMethods.Get;
            request.Request.Path = new PathString(rawPath);
        }, TestContext.Current.CancellationToken);
        var body = await new StreamReader(context.Response.Body).ReadToEndAsync(TestContext.Current.CancellationToken);

        Assert.Equal(StatusCodes.Status404NotFound, context.Response.StatusCode);
        Assert.Contains("404 Not Found", body);
        Assert.DoesNotContain("code-block", body);
    }

    [Fact]
    public async Task The_code_comes_from_the_assembly_not_from_the_disk()
    {
        // A content root with no sources in it: the views are compiled in, and the code must be embedded too.
        var empty = Directory.CreateTempSubdirectory("hellomvc-no-sources");
        try
        {
            await using var elsewhere = site.WithWebHostBuilder(builder => builder.UseContentRoot(empty.FullName));
            var page = await elsewhere.CreateClient().GetPageAsync("/source/http/set/Grey");

            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.NotNull(page.Document.Block("HelloMvc.Web/Controllers/Http/CookieController.cs"));
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }
}
