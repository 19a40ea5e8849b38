using System.Net;
using HelloMvc.Tests.Infrastructure;
using HelloMvc.Web.Hooks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Time.Testing;

namespace HelloMvc.Tests.Controllers.Http;

public class HooksControllerTests(SiteFactory site)
{
    private readonly HttpClient _client = site.CreateNoRedirectClient();

    [Fact]
    public async Task G_shows_the_name_the_before_request_filter_stored()
    {
        var page = await _client.GetPageAsync("/http/g?name=Grey");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("g.name = Grey", page.Text("main h1"));
    }

    [Fact]
    public async Task G_without_a_name_says_it_is_not_set()
    {
        var page = await _client.GetPageAsync("/http/g");

        Assert.Equal("g.name = (not set)", page.Text("main h1"));
    }

    [Theory]
    [InlineData("/hello")]
    [InlineData("/http/hello")]
    [InlineData("/http/note/json")]
    [InlineData("/http/hi")]
    public async Task Every_action_answers_with_a_Server_Timing_header(string url)
    {
        var response = await _client.GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Matches(@"^action;dur=\d+(\.\d+)?$", Assert.Single(response.Headers.GetValues("Server-Timing")));
    }

    [Fact]
    public async Task The_Server_Timing_duration_is_the_time_the_action_took()
    {
        var clock = new FakeTimeProvider();
        var http = new DefaultHttpContext();
        var executing = new ActionExecutingContext(
            new ActionContext(http, new RouteData(), new ActionDescriptor()), [], new Dictionary<string, object?>(), controller: new object());

        // The action "runs" for 42.5 ms of the filter's clock.
        await new ServerTimingFilter(clock).OnActionExecutionAsync(executing, () =>
        {
            clock.Advance(TimeSpan.FromMilliseconds(42.5));
            return Task.FromResult(new ActionExecutedContext(executing, [], controller: new object()));
        });

        Assert.Equal("action;dur=42.5", http.Response.Headers["Server-Timing"].ToString());
    }

    [Fact]
    public async Task The_teardown_hook_logs_one_line_per_request_with_its_final_status_also_when_the_action_threw()
    {
        var marker = Guid.NewGuid().ToString("N");
        await _client.GetAsync($"/http/g?name={marker}", TestContext.Current.CancellationToken);
        await _client.GetAsync($"/hello/error?marker={marker}", TestContext.Current.CancellationToken);

        var lines = site.Logs.GetSnapshot()
            .Where(record => record.Category == "Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware")
            .Select(record => record.StructuredState!.ToDictionary(field => field.Key, field => field.Value))
            .Where(fields => fields.GetValueOrDefault("QueryString")?.Contains(marker) == true)
            .ToList();

        var g = Assert.Single(lines, fields => fields["Path"] == "/http/g");
        Assert.Equal("200", g["StatusCode"]);
        Assert.True(double.TryParse(g["Duration"], System.Globalization.CultureInfo.InvariantCulture, out _));
        var thrown = Assert.Single(lines, fields => fields["Path"] == "/hello/error");
        Assert.Equal("500", thrown["StatusCode"]);
        Assert.Equal("GET", thrown["Method"]);
    }

    [Fact]
    public async Task Context_shows_the_app_g_the_request_and_the_session()
    {
        await _client.GetAsync("/http/login", TestContext.Current.CancellationToken);

        var page = await _client.GetPageAsync("/http/context?name=Grey");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var app = page.Document.GetElementById("app")!.ReadLabeled();
        Assert.Equal("HelloMvc.Web", app["Name"]);
        Assert.Equal("Production", app["Environment"]);
        Assert.EndsWith("HelloMvc.Web", app["Content root"]);
        Assert.Equal("Grey", page.Document.GetElementById("g")!.ReadLabeled()["name"]);
        var request = page.Document.GetElementById("request")!.ReadLabeled();
        Assert.Equal("GET", request["Method"]);
        Assert.Equal("/http/context", request["Path"]);
        Assert.Equal("true", page.Document.GetElementById("session")!.ReadLabeled()["logged_in"]);
        Assert.Contains("encrypted", page.Document.Body!.TextContent);
    }

    [Fact]
    public async Task Context_shows_an_empty_session_before_login()
    {
        var page = await _client.GetPageAsync("/http/context");

        Assert.Equal("None.", page.Text("#session"));
    }

    [Fact]
    public async Task G_links_the_journey_that_shows_its_filter_run_before_the_action()
    {
        var page = await _client.GetPageAsync("/http/g");

        Assert.Equal("/exchange?path=%2Fhttp%2Fg%3Fname%3DGrey#journey-1", page.Document.QuerySelector("p.explain a.journey")?.GetAttribute("href"));
    }
}
