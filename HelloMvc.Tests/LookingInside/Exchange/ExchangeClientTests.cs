using System.Collections.Concurrent;
using System.Net;
using HelloMvc.Tests.Infrastructure;
using HelloMvc.Web.LookingInside.Exchange;
using HelloMvc.Web.LookingInside.Journeys;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

[assembly: AssemblyFixture(typeof(HelloMvc.Tests.LookingInside.Exchange.ProbedKestrelSite))]

namespace HelloMvc.Tests.LookingInside.Exchange;

/// <summary>
/// The site on its own socket plus probe endpoints that do what no demo does on purpose (hang, fail after the body
/// started, serve a form of every kind of control and keep what each submission of it sent), a shorter time limit
/// (3 s: long enough for a cold first request on a busy machine), and a path base (/base) in front, so the viewer's
/// answers to a broken exchange, its requests under a path base, and its forms can be tested. One per test run.
/// </summary>
public sealed class ProbedKestrelSite : KestrelSite
{
    public TaskCompletionSource Aborted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Each submission of the probe form, by the run id the page was asked with, as the server received it.</summary>
    public ConcurrentDictionary<string, ConcurrentQueue<ReceivedForm>> FormsReceived { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.Configure<ExchangeOptions>(options => options.Timeout = TimeSpan.FromSeconds(3));
            services.AddSingleton<IStartupFilter>(new Probes(this));
        });
    }

    private sealed class Probes(ProbedKestrelSite site) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            // The probes answer before the site's pipeline, so the journey goes in front of them as it does in front of
            // the site (a request it already claimed passes the site's own UseJourneys untouched).
            app.UseJourneys();
            app.UsePathBase("/base");
            app.Use(async (context, rest) =>
            {
                switch (context.Request.Path.Value)
                {
                    case "/probe/hangs":
                        context.RequestAborted.Register(() => site.Aborted.TrySetResult());
                        await Task.Delay(Timeout.Infinite, context.RequestAborted);
                        break;
                    case "/probe/loop":
                        context.Response.Redirect(context.Request.PathBase + "/probe/loop");
                        break;
                    case "/probe/exchange" when context.Request.Headers["X-Probe-Host"] is [{ } host]:
                        // As a front that decoded an internationalised name would leave it: Unicode in Request.Host.
                        context.Request.Host = new HostString(Uri.UnescapeDataString(host));
                        context.Request.Path = "/exchange";
                        await rest(context);
                        break;
                    case "/probe/form":
                        context.Response.ContentType = "text/html; charset=utf-8";
                        await context.Response.WriteAsync(PageFormTests.FormPage(context.Request.Query["kind"].ToString(), context.Request.Query["run"].ToString()));
                        break;
                    case "/probe/form/sent":
                        site.FormsReceived.GetOrAdd(context.Request.Query["run"].ToString(), _ => new()).Enqueue(await ReceivedForm.ReadAsync(context.Request));
                        context.Response.ContentType = "text/plain";
                        await context.Response.WriteAsync("Received.");
                        break;
                    case "/probe/throws-mid-body":
                        context.Response.ContentType = "text/plain";
                        await context.Response.WriteAsync("partial");
                        await context.Response.Body.FlushAsync();
                        throw new InvalidOperationException("Thrown by a probe after the body started.");
                    default:
                        await rest(context);
                        break;
                }
            });
            next(app);
        };
    }
}

public class ExchangeClientTests(ProbedKestrelSite probed)
{
    private readonly HttpClient _client = probed.CreateWireClient();

    [Fact]
    public async Task A_request_that_runs_too_long_is_given_up_and_answered_504_and_the_server_sees_it_go()
    {
        var page = await _client.GetPageAsync("/exchange?path=/probe/hangs");

        Assert.Equal(HttpStatusCode.GatewayTimeout, page.Status);
        Assert.Equal("GET /probe/hangs HTTP/1.1", page.Lines("pre#request")[0]);
        Assert.Null(page.Document.QuerySelector("pre#response"));
        Assert.StartsWith("No answer within 3 s", page.Text("p.note"));
        await probed.Aborted.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_response_cut_off_after_its_body_started_shows_what_came_and_says_so()
    {
        var page = await _client.GetPageAsync("/exchange?path=/probe/throws-mid-body");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var response = page.Lines("pre#response");
        Assert.Equal("HTTP/1.1 200 OK", response[0]);
        Assert.Contains("Transfer-Encoding: chunked", response);
        Assert.Equal("partial", response[^1]);
        Assert.StartsWith("The connection closed before the body was complete", page.Text("p.note"));
        Assert.DoesNotContain("Thrown by a probe", page.Document.Body!.TextContent);
    }

    [Fact]
    public async Task Following_a_redirect_loop_stops_after_ten_redirects_and_says_so()
    {
        var page = await _client.GetPageAsync("/base/exchange?path=/probe/loop&follow=1");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var sections = page.Document.QuerySelectorAll("section.exchange");
        Assert.Equal(11, sections.Length);
        Assert.All(sections, section => Assert.StartsWith("HTTP/1.1 302 Found", section.QuerySelector("pre.response")!.TextContent.TrimStart()));
        Assert.Equal("Stopped after following 10 redirects: a browser would give up on a chain this long too.", page.Text("p.conversation-note"));
    }

    [Fact]
    public async Task An_internationalised_host_goes_out_as_its_punycode()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/base/probe/exchange?path=/css/site.css");
        request.Headers.Add("X-Probe-Host", Uri.EscapeDataString("bücher.example"));
        var page = await _client.ParseAsync(request);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Host: xn--bcher-kva.example", page.Lines("pre#request"));
        Assert.Equal("HTTP/1.1 200 OK", page.Lines("pre#response")[0]);
    }

    [Fact]
    public async Task Under_a_path_base_the_viewer_asks_for_the_path_under_it()
    {
        var page = await _client.GetPageAsync("/base/exchange?path=/css/site.css");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("GET /base/css/site.css HTTP/1.1", page.Lines("pre#request")[0]);
        Assert.Equal("HTTP/1.1 200 OK", page.Lines("pre#response")[0]);
        Assert.Equal("/base/css/site.css", page.Document.QuerySelector("a.open")?.GetAttribute("href"));
    }
}
