using System.Net;
using HelloMvc.Tests.Infrastructure;
using HelloMvc.Web.LookingInside.Exchange;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace HelloMvc.Tests.LookingInside.Exchange;

/// <summary>
/// The site on its own socket plus two probe endpoints that do what no demo does on purpose (hang, fail after the
/// body started), a short time limit, and a path base (/base) in front, so the viewer's answers to a broken exchange,
/// and its requests under a path base, can be tested.
/// </summary>
public sealed class ProbedKestrelSite : KestrelSite
{
    public TaskCompletionSource Aborted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.Configure<ExchangeOptions>(options => options.Timeout = TimeSpan.FromMilliseconds(500));
            services.AddSingleton<IStartupFilter>(new Probes(this));
        });
    }

    private sealed class Probes(ProbedKestrelSite site) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UsePathBase("/base");
            app.Use(async (context, rest) =>
            {
                switch (context.Request.Path.Value)
                {
                    case "/probe/hangs":
                        context.RequestAborted.Register(() => site.Aborted.TrySetResult());
                        await Task.Delay(Timeout.Infinite, context.RequestAborted);
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

public class WireClientTests(ProbedKestrelSite probed) : IClassFixture<ProbedKestrelSite>
{
    private readonly HttpClient _client = probed.CreateWireClient();

    [Fact]
    public async Task A_request_that_runs_too_long_is_given_up_and_answered_504_and_the_server_sees_it_go()
    {
        var page = await _client.GetPageAsync("/exchange?path=/probe/hangs");

        Assert.Equal(HttpStatusCode.GatewayTimeout, page.Status);
        Assert.Equal("GET /probe/hangs HTTP/1.1", page.Lines("pre#request")[0]);
        Assert.Null(page.Document.QuerySelector("pre#response"));
        Assert.StartsWith("No answer within 0.5 s", page.Text("p.note"));
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
    public async Task Under_a_path_base_the_viewer_asks_for_the_path_under_it()
    {
        // The viewer gives up after 0.5 s here, and a cold host's first page can take longer (whether this test runs
        // first depends on the test order): the page is opened once before the viewer asks for it.
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/base/hello", TestContext.Current.CancellationToken)).StatusCode);
        var page = await _client.GetPageAsync("/base/exchange?path=/hello");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("GET /base/hello HTTP/1.1", page.Lines("pre#request")[0]);
        Assert.Equal("HTTP/1.1 200 OK", page.Lines("pre#response")[0]);
        Assert.Equal("/base/hello", page.Document.QuerySelector("a.open")?.GetAttribute("href"));
    }
}
