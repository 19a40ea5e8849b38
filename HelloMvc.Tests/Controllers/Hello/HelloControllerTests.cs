using System.Net;
using HelloMvc.Tests.Infrastructure;

namespace HelloMvc.Tests.Controllers.Hello;

public class HelloControllerTests(SiteFactory site)
{
    private readonly HttpClient _client = site.CreateNoRedirectClient();

    [Fact]
    public async Task Hello_says_Hello_World_in_an_h1_inside_the_layout()
    {
        var page = await _client.GetPageAsync("/hello");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("text/html", page.MediaType);
        Assert.Equal("Hello, World!", page.Text("main h1"));
        Assert.Equal("/", page.Document.QuerySelector("header nav a")?.GetAttribute("href"));
        Assert.Contains("Chapter 1: the minimal app", page.Text("p.chapter"));
    }

    [Theory]
    [InlineData("/hello/hi")]
    [InlineData("/hello/hello")]
    [InlineData("/hello/hi/")]
    public async Task Hi_and_hello_are_one_action_bound_to_two_urls(string url)
    {
        var page = await _client.GetPageAsync(url);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Hello, MVC!", page.Text("main h1"));
    }

    [Fact]
    public async Task Greet_without_name_defaults_to_Programmer()
    {
        var page = await _client.GetPageAsync("/hello/greet");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Hello, Programmer!", page.Text("main h1"));
    }

    [Theory]
    [InlineData("/hello/greet/Grey", "Hello, Grey!")]
    [InlineData("/hello/greet/Zo%C3%AB%20O'Brien", "Hello, Zoë O'Brien!")]
    [InlineData("/hello/greet/AC%2FDC", "Hello, AC/DC!")]
    [InlineData("/hello/greet/Grey/", "Hello, Grey!")]
    public async Task Greet_shows_the_name_from_the_url(string url, string greeting)
    {
        var page = await _client.GetPageAsync(url);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(greeting, page.Text("main h1"));
    }

    [Fact]
    public async Task Greet_encodes_markup_in_the_name_as_text()
    {
        var page = await _client.GetPageAsync("/hello/greet/<script>alert(1)<%2Fscript>");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Hello, <script>alert(1)</script>!", page.Text("main h1"));
        Assert.Empty(page.Document.QuerySelector("main h1")!.Children);
        // The only scripts are the layout's own files: none came from the name.
        Assert.All(page.Document.Scripts, script => Assert.StartsWith("/js/", script.Source));
    }

    [Fact]
    public async Task Error_outside_Development_is_the_500_page_with_a_request_id_and_no_stack_trace()
    {
        var page = await _client.GetPageAsync("/hello/error");

        Assert.Equal(HttpStatusCode.InternalServerError, page.Status);
        Assert.Equal("text/html", page.MediaType);
        Assert.Equal("500 Internal Server Error", page.Text("main h1"));
        Assert.False(string.IsNullOrWhiteSpace(page.Text(".request-id code")));
        var body = page.Document.Body!.TextContent;
        Assert.DoesNotContain("InvalidOperationException", body);
        Assert.DoesNotContain("Thrown on purpose", body);
        Assert.DoesNotContain("HelloController", body);
    }

    [Fact]
    public async Task Error_in_Development_is_the_developer_exception_page()
    {
        await using var development = site.InEnvironment("Development");
        var page = await development.CreateClient().GetPageAsync("/hello/error");

        Assert.Equal(HttpStatusCode.InternalServerError, page.Status);
        Assert.Equal("text/html", page.MediaType);
        var body = page.Document.Body!.TextContent;
        Assert.Contains("InvalidOperationException", body);
        Assert.Contains("Thrown on purpose by /hello/error.", body);
        Assert.Contains("HelloController.Error()", body);
    }
}
