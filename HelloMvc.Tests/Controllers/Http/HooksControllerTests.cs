using System.Net;
using HelloMvc.Tests.Infrastructure;
using HelloMvc.Web.Hooks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace HelloMvc.Tests.Controllers.Http;

public class HooksControllerTests(SiteFactory site, KestrelSite wire)
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
        Assert.Equal("HelloMvc.Web", app["Content root"]); // relative to the repository, never where it lies on disk
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

    private const string BrowserCookie = TeardownLinesPerBrowser.CookieName;

    [Fact]
    public async Task Hooks_sets_the_five_hooks_of_the_note_beside_their_counterparts_each_linked_to_its_demo()
    {
        var page = await _client.GetPageAsync("/http/hooks");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var rows = page.Document.QuerySelectorAll("#hooks tbody tr").ToList();
        Assert.Equal(["before_first_request", "before_request", "after_request", "teardown_request", "after_this_request"],
            rows.Select(row => row.QuerySelector("th")!.TextContent.Trim()));
        Assert.Equal(["before-first-request", "before-request", "after-request", "teardown", "after-this-request"], rows.Select(row => row.Id));
        Assert.Contains("IHostApplicationLifetime.ApplicationStarted", rows[0].TextContent);
        Assert.Contains("Response.OnStarting", rows[4].TextContent);
        Assert.Equal(["/http/hooks", "/http/g?name=Grey", "/exchange?path=%2Fhttp%2Fg%3Fname%3DGrey", "/http/hooks#teardown", "/exchange?path=%2Fhttp%2Fhooks"],
            rows.Select(row => row.QuerySelector("td a[href]")!.GetAttribute("href")));
        Assert.True(page.Response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Hooks_shows_when_the_app_finished_starting_by_the_sites_clock()
    {
        var started = site.Services.GetRequiredService<ApplicationStartedAt>().At;

        var page = await _client.GetPageAsync("/http/hooks");

        Assert.NotNull(started);
        Assert.Equal($"The app finished starting at {started:yyyy-MM-dd HH:mm:ss} UTC.", page.Text("#before-first-request .evidence"));
    }

    [Fact]
    public void ApplicationStarted_is_recorded_when_the_host_raises_it_not_when_the_service_starts()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
        var lifetime = new ApplicationLifetime(NullLogger<ApplicationLifetime>.Instance);
        var started = new ApplicationStartedAt(lifetime, clock);

        started.StartAsync(TestContext.Current.CancellationToken);
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Null(started.At);
        lifetime.NotifyStarted();

        Assert.Equal(new DateTimeOffset(2026, 6, 1, 12, 0, 5, TimeSpan.Zero), started.At);
    }

    [Theory]
    [InlineData("/http/hooks?name=Grey", "g.name = Grey")]
    [InlineData("/http/hooks?name=%3Cb%3EGrey%3C%2Fb%3E", "g.name = <b>Grey</b>")]
    [InlineData("/http/hooks", "g.name is not set: this request had no name in its query.")]
    public async Task Hooks_shows_what_the_before_request_filter_stored_for_this_request(string url, string evidence)
    {
        var page = await _client.GetPageAsync(url);

        Assert.Equal(evidence, page.Text("#before-request .evidence"));
        Assert.Empty(page.Document.QuerySelectorAll("#before-request b"));
    }

    [Fact]
    public async Task Hooks_shows_the_Server_Timing_header_the_after_request_filter_added_to_this_response()
    {
        var page = await _client.GetPageAsync("/http/hooks");

        Assert.Matches(@"^Server-Timing: action;dur=\d+(\.\d+)?$", page.Text("#after-request .evidence"));
    }

    [Theory]
    [InlineData("/http/hooks", true)]
    [InlineData("/http/hooks?name=Grey", true)]
    [InlineData("/http/g?name=Grey", false)]
    [InlineData("/http/hello", false)]
    [InlineData("/http/context", false)]
    [InlineData("/http/response", false)]
    [InlineData("/hello", false)]
    [InlineData("/http/converters", false)]
    public async Task Only_the_hooks_page_carries_the_header_its_action_added_with_Response_OnStarting(string url, bool carries)
    {
        var response = await RawHttp.GetAsync(wire.BaseAddress, url, ("Accept", "text/html"));

        Assert.True(response.Status is 200 or 202, response.StatusLine);
        Assert.Equal(carries ? "added by this action" : null, response.Header("X-After-This-Request"));
    }

    [Fact]
    public async Task A_browser_without_an_id_gets_one_in_an_HttpOnly_Lax_cookie_and_no_teardown_line_yet()
    {
        var response = await RawHttp.GetAsync(wire.BaseAddress, "/http/hooks", ("Accept", "text/html"), ("Cookie", $"{BrowserCookie}=forged-not-an-id"));
        var page = await new AngleSharp.Html.Parser.HtmlParser().ParseDocumentAsync(response.BodyText, TestContext.Current.CancellationToken);

        var cookie = Assert.Single(response.Headers, header => header.Key == "Set-Cookie").Value.Split("; ");
        Assert.Matches($"^{System.Text.RegularExpressions.Regex.Escape(BrowserCookie)}=[0-9a-f]{{32}}$", cookie[0]);
        Assert.Equal(["path=/", "samesite=lax", "httponly"], cookie[1..]);
        Assert.NotNull(page.GetElementById("no-teardown-line"));
        Assert.Null(page.GetElementById("teardown-line"));
    }

    [Fact]
    public async Task The_teardown_row_shows_the_line_logged_for_this_browsers_previous_request_and_never_another_browsers()
    {
        // Two browsers on real sockets, each with its own cookies; their requests interleave.
        var (alice, bob) = (wire.CreateWireClient(), wire.CreateWireClient());
        var (aliceMark, bobMark) = (Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString("N"));
        await alice.GetPageAsync("/http/hooks");
        await bob.GetPageAsync("/http/hooks");
        await alice.GetPageAsync($"/http/g?name={aliceMark}");
        await bob.GetPageAsync($"/http/g?name={bobMark}");
        // The stylesheet a page loads is no request of the learner's: it is not kept.
        await alice.GetAsync("/css/site.css", TestContext.Current.CancellationToken);

        var alicePage = await alice.GetPageAsync("/http/hooks#teardown");
        var bobPage = await bob.GetPageAsync("/http/hooks");

        var aliceLine = alicePage.Lines("#teardown-line");
        Assert.Contains("Path: /http/g", aliceLine);
        Assert.Contains($"QueryString: ?name={aliceMark}", aliceLine);
        Assert.Contains("StatusCode: 200", aliceLine);
        Assert.DoesNotContain(bobMark, alicePage.Document.Body!.TextContent);
        Assert.Contains($"QueryString: ?name={bobMark}", bobPage.Lines("#teardown-line"));
        Assert.DoesNotContain(aliceMark, bobPage.Document.Body!.TextContent);
    }

    [Fact]
    public async Task The_teardown_line_of_a_request_that_threw_shows_its_500()
    {
        var browser = wire.CreateWireClient();
        await browser.GetPageAsync("/http/hooks");
        await browser.GetAsync("/hello/error", TestContext.Current.CancellationToken);

        var line = (await browser.GetPageAsync("/http/hooks")).Lines("#teardown-line");

        Assert.Contains("Path: /hello/error", line);
        Assert.Contains("StatusCode: 500", line);
    }

    private static (TeardownLinesPerBrowser Lines, HttpContextAccessor Requests, ILogger Teardown) TeardownLog()
    {
        var requests = new HttpContextAccessor();
        var lines = new TeardownLinesPerBrowser(requests, new FakeTimeProvider(), NullLoggerFactory.Instance);
        return (lines, requests, lines.CreateLogger(TeardownLinesPerBrowser.Category));
    }

    private static HttpContext Browser(string id)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Cookie = $"{BrowserCookie}={id}";
        return context;
    }

    [Fact]
    public void Each_browser_keeps_its_last_few_lines_newest_first_each_cut_short()
    {
        var (lines, requests, teardown) = TeardownLog();
        var (alice, bob) = (Browser(Guid.NewGuid().ToString("N")), Browser(Guid.NewGuid().ToString("N")));

        requests.HttpContext = alice;
        for (var i = 1; i <= 7; i++) teardown.LogInformation("alice {Number}", i);
        requests.HttpContext = bob;
        teardown.LogInformation("bob {Long}", new string('x', 5000));
        requests.HttpContext = Browser("not-an-id");
        teardown.LogInformation("a stranger");

        Assert.Equal(["alice 7", "alice 6", "alice 5", "alice 4", "alice 3"], lines.ForThisBrowser(alice).Select(line => line.Text));
        var bobs = Assert.Single(lines.ForThisBrowser(bob));
        Assert.Equal(TeardownLinesPerBrowser.LineLimit + 1, bobs.Text.Length);
        Assert.EndsWith("…", bobs.Text);
        Assert.Empty(lines.ForThisBrowser(Browser(Guid.NewGuid().ToString("N"))));
    }

    [Fact]
    public void The_lines_are_kept_for_a_bounded_number_of_browsers()
    {
        var (lines, requests, teardown) = TeardownLog();
        var browsers = Enumerable.Range(0, 3 * TeardownLinesPerBrowser.Browsers).Select(_ => Browser(Guid.NewGuid().ToString("N"))).ToList();

        foreach (var browser in browsers)
        {
            requests.HttpContext = browser;
            teardown.LogInformation("a line");
        }

        Assert.InRange(browsers.Count(browser => lines.ForThisBrowser(browser).Count > 0), 1, TeardownLinesPerBrowser.Browsers);
    }

    [Fact]
    public void Only_the_teardown_hooks_category_is_kept()
    {
        var (lines, requests, _) = TeardownLog();
        var alice = Browser(Guid.NewGuid().ToString("N"));
        requests.HttpContext = alice;

        lines.CreateLogger("Microsoft.AspNetCore.Routing").LogInformation("not a teardown line");

        Assert.Empty(lines.ForThisBrowser(alice));
    }

    [Fact]
    public async Task G_links_the_journey_that_shows_its_filter_run_before_the_action()
    {
        var page = await _client.GetPageAsync("/http/g");

        Assert.Equal("/exchange?path=%2Fhttp%2Fg%3Fname%3DGrey#journey-1", page.Document.QuerySelector("p.explain a.journey")?.GetAttribute("href"));
    }
}
