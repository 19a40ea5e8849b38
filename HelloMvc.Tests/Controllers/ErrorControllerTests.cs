using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HelloMvc.Tests.Infrastructure;

namespace HelloMvc.Tests.Controllers;

public class ErrorControllerTests(SiteFactory site)
{
    private readonly HttpClient _client = site.CreateNoRedirectClient();

    [Fact]
    public async Task Unknown_url_is_404_rendered_as_the_error_view()
    {
        var page = await _client.GetPageAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("text/html", page.MediaType);
        Assert.Equal("404 Not Found", page.Text("main h1"));
        Assert.Equal("/", page.Document.QuerySelector("a.home")?.GetAttribute("href"));
        Assert.Null(page.Document.QuerySelector(".request-id"));
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/problem+json")]
    [InlineData("application/json, text/javascript, */*; q=0.01")]
    public async Task Unknown_url_asked_for_as_json_is_problem_json(string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/no/such/page");
        request.Headers.TryAddWithoutValidation("Accept", accept);
        var response = await _client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Equal("Not Found", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_browser_accept_header_ending_in_any_type_still_gets_html()
    {
        var page = await _client.GetPageAsync("/no/such/page", accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");

        Assert.Equal("text/html", page.MediaType);
    }

    [Fact]
    public async Task Wrong_method_is_405_with_allow_and_the_error_view()
    {
        var page = await _client.ParseAsync(new HttpRequestMessage(HttpMethod.Put, "/hello"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, page.Status);
        Assert.Contains("GET", page.Response.Content.Headers.Allow);
        Assert.Equal("405 Method Not Allowed", page.Text("main h1"));
    }

    [Theory]
    [InlineData(418, "418 I'm a teapot")]
    [InlineData(403, "403 Forbidden")]
    public async Task An_error_page_opened_directly_keeps_its_status(int code, string heading)
    {
        var page = await _client.GetPageAsync($"/error/{code}");

        Assert.Equal(code, (int)page.Status);
        Assert.Equal(heading, page.Text("main h1"));
    }

    [Fact]
    public async Task A_posted_code_field_cannot_choose_the_status_of_the_error_page()
    {
        var page = await _client.ParseAsync(new HttpRequestMessage(HttpMethod.Post, "/hello")
        {
            Content = new FormUrlEncodedContent([new("code", "200")]),
        });

        Assert.Equal(HttpStatusCode.MethodNotAllowed, page.Status);
        Assert.Equal("405 Method Not Allowed", page.Text("main h1"));
    }

    [Fact]
    public async Task A_body_that_is_not_a_form_still_gets_the_error_page_not_a_500()
    {
        var content = new StringContent("not a multipart body");
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=x");
        var page = await _client.ParseAsync(new HttpRequestMessage(HttpMethod.Patch, "/hello") { Content = content });

        Assert.Equal(HttpStatusCode.MethodNotAllowed, page.Status);
        Assert.Equal("405 Method Not Allowed", page.Text("main h1"));
    }

    [Fact]
    public async Task Only_error_statuses_have_an_error_page()
    {
        var response = await _client.GetAsync("/error/200", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_403_of_admin_says_why_in_the_lessons_words_and_links_to_log_in_then_admin_again()
    {
        var page = await site.CreateNoRedirectClient().GetPageAsync("/http/admin");

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.Equal("Only for logged-in learners; everyone else is refused.", page.Text(".why .lesson-words"));
        Assert.Equal("/http/login", page.Document.QuerySelector(".next-steps a.log-in")?.GetAttribute("href"));
        Assert.Equal("/http/admin", page.Document.QuerySelector(".next-steps a.retry")?.GetAttribute("href"));
    }

    [Theory]
    [InlineData("/http/goback/abc", "/http/goback/{year:int:min(0)}", "/http/goback/34")]
    [InlineData("/http/goback/-1", "/http/goback/{year:int:min(0)}", "/http/goback/34")]
    [InlineData("/http/colors/green", "/http/colors/{color:color}", "/http/colors/blue")]
    public async Task A_url_a_constraint_refused_says_so_and_links_to_one_the_route_accepts(string url, string template, string accepted)
    {
        var page = await _client.GetPageAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains($"the route {template}, but the route's constraint refused the value", page.Text(".why"));
        var link = page.Document.QuerySelector(".next-steps a.accepted")?.GetAttribute("href");
        Assert.Equal(accepted, link);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(link, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Theory]
    [InlineData("/http/brew/coffee", 418, "Coffee, from a teapot.", "/http/brew/tea")]
    [InlineData("/http/404", 404, "The action gives up with NotFound().", null)]
    [InlineData("/http/note/pdf", 400, "A type the action does not know.", "/http/note")]
    public async Task An_error_demo_says_why_and_what_the_same_action_answers_instead(string url, int status, string why, string? instead)
    {
        var page = await _client.GetPageAsync(url);

        Assert.Equal(status, (int)page.Status);
        Assert.Equal(why, page.Text(".why .lesson-words"));
        Assert.Equal(instead, page.Document.QuerySelector(".next-steps a.accepted")?.GetAttribute("href"));
        Assert.Equal($"GET {url}", page.Text("code.asked"));
    }

    [Fact]
    public async Task A_url_nothing_answers_says_so_and_offers_no_route()
    {
        var page = await _client.GetPageAsync("/no/such/page");

        Assert.Equal("Nothing on this site answers at this URL.", page.Text(".why .lesson-words"));
        Assert.Null(page.Document.QuerySelector(".next-steps a.accepted"));
    }
}
