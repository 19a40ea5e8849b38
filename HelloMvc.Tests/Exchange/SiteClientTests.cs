using System.Net;
using HelloMvc.Tests.Infrastructure;
using HelloMvc.Web.Exchange;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HelloMvc.Tests.Exchange;

/// <summary>
/// The site plus a few probe endpoints that do what no demo does on purpose (set headers late, hang, throw
/// mid-body), and a short time-out, so the exchange's mechanism can be tested on its own.
/// </summary>
public sealed class ProbedSite : IAsyncDisposable
{
    private readonly SiteFactory _site = new();

    public ProbedSite() =>
        Factory = _site.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
        {
            services.Configure<ExchangeOptions>(options => options.Timeout = TimeSpan.FromMilliseconds(500));
            services.AddSingleton<IStartupFilter>(new Probes(this));
        }));

    public WebApplicationFactory<Program> Factory { get; }

    public TaskCompletionSource Completed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Aborted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await _site.DisposeAsync();
    }

    private sealed class Probes(ProbedSite site) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, rest) =>
            {
                var response = context.Response;
                response.ContentType = "text/plain";
                switch (context.Request.Path.Value)
                {
                    case "/probe/late-headers":
                        response.OnStarting(() =>
                        {
                            response.Headers["X-Added-On-Starting"] = "yes";
                            return Task.CompletedTask;
                        });
                        response.Cookies.Append("first", "1");
                        response.Cookies.Append("second", "2");
                        await response.WriteAsync("body; ");
                        await response.WriteAsync($"started after the first write: {response.HasStarted}");
                        break;
                    case "/probe/late-headers-no-body":
                        response.OnStarting(() =>
                        {
                            response.Headers["X-Added-On-Starting"] = "yes";
                            return Task.CompletedTask;
                        });
                        response.StatusCode = StatusCodes.Status204NoContent;
                        break;
                    case "/probe/echo":
                        await response.WriteAsync($"cookie={context.Request.Headers.Cookie}; inside exchange={SiteClient.IsInsideExchange(context)}");
                        break;
                    case "/probe/big":
                        await response.WriteAsync(new string('x', 40_000));
                        break;
                    case "/probe/hangs":
                        context.RequestAborted.Register(() => site.Aborted.TrySetResult());
                        await Task.Delay(Timeout.Infinite, context.RequestAborted);
                        break;
                    case "/probe/throws-mid-body":
                        await response.WriteAsync("partial");
                        throw new InvalidOperationException("Thrown by a probe after the body started.");
                    case "/probe/completed":
                        response.OnCompleted(() =>
                        {
                            site.Completed.TrySetResult();
                            return Task.CompletedTask;
                        });
                        break;
                    default:
                        await rest(context);
                        break;
                }
            });
            next(app);
        };
    }
}

public class SiteClientTests(ProbedSite probed) : IClassFixture<ProbedSite>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private readonly HttpClient _client = probed.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task Headers_added_on_starting_are_captured_and_every_set_cookie_is_its_own_line()
    {
        var page = await _client.GetPageAsync("/exchange?path=/probe/late-headers");

        var response = page.Lines("pre#response");
        Assert.Contains("X-Added-On-Starting: yes", response);
        Assert.Contains("Set-Cookie: first=1; path=/", response);
        Assert.Contains("Set-Cookie: second=2; path=/", response);
        Assert.Equal("body; started after the first write: True", response[^1]);
    }

    [Fact]
    public async Task Headers_added_on_starting_are_captured_when_there_is_no_body()
    {
        var page = await _client.GetPageAsync("/exchange?path=/probe/late-headers-no-body");

        Assert.Equal(["HTTP/1.1 204 No Content", "Content-Type: text/plain", "X-Added-On-Starting: yes"], page.Lines("pre#response"));
    }

    [Fact]
    public async Task The_site_receives_the_learners_cookie_and_knows_the_request_came_from_the_viewer()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/exchange?path=/probe/echo");
        request.Headers.TryAddWithoutValidation("Cookie", "name=Grey");
        var page = await _client.ParseAsync(request);

        Assert.Equal("cookie=name=Grey; inside exchange=True", page.Lines("pre#response")[^1]);
    }

    [Fact]
    public async Task A_long_body_is_cut_with_a_note()
    {
        var page = await _client.GetPageAsync("/exchange?path=/probe/big");

        Assert.Equal(new string('x', 16 * 1024), page.Lines("pre#response")[^1]);
        Assert.Equal("The body is 40,000 bytes; only the first 16 KB are shown.", page.Text("p.note"));
    }

    [Fact]
    public async Task A_request_that_runs_too_long_is_aborted_and_answered_504()
    {
        var page = await _client.GetPageAsync("/exchange?path=/probe/hangs");

        Assert.Equal(HttpStatusCode.GatewayTimeout, page.Status);
        Assert.Equal("GET /probe/hangs HTTP/1.1", page.Lines("pre#request")[0]);
        Assert.Null(page.Document.QuerySelector("pre#response"));
        Assert.StartsWith("No answer within 0.5 s", page.Text("p.note"));
        await probed.Aborted.Task.WaitAsync(Bound, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task An_exception_after_the_body_started_shows_what_was_sent_and_a_note()
    {
        var page = await _client.GetPageAsync("/exchange?path=/probe/throws-mid-body");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var response = page.Lines("pre#response");
        Assert.Equal("HTTP/1.1 200 OK", response[0]);
        Assert.Equal("partial", response[^1]);
        Assert.StartsWith("An exception escaped the pipeline", page.Text("p.note"));
        Assert.DoesNotContain("Thrown by a probe", page.Document.Body!.TextContent);
    }

    [Fact]
    public async Task On_completed_callbacks_run_after_the_exchange()
    {
        await _client.GetPageAsync("/exchange?path=/probe/completed");

        await probed.Completed.Task.WaitAsync(Bound, TestContext.Current.CancellationToken);
    }
}
