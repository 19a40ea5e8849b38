using System.Net;
using HelloMvc.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace HelloMvc.Tests.Hosting.Security;

/// <summary>The shared site, with a log of its own: no other test writes to it.</summary>
public sealed class LoggedSite : SiteFactory;

/// <summary>
/// A client can send garbage at will, so what garbage makes the site log is bounded: at most a line per kind, never a
/// stack trace. The levels are appsettings.json's, as in Production (the per-request teardown line aside).
/// </summary>
public class HostileInputLogTests(LoggedSite site) : IClassFixture<LoggedSite>
{
    private const int Burst = 300;

    private IReadOnlyList<Microsoft.Extensions.Logging.Testing.FakeLogRecord> LinesBeyondTheTeardownLog() =>
        [.. site.Logs.GetSnapshot().Where(record => !record.Category!.StartsWith("Microsoft.AspNetCore.HttpLogging", StringComparison.Ordinal))];

    [Fact]
    public async Task A_burst_of_garbage_session_cookies_and_tampered_tokens_writes_at_most_a_few_lines_and_no_stack_trace()
    {
        var client = site.CreateNoRedirectClient();
        var form = await client.GetPageAsync("/http/methods");
        var token = form.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        site.Logs.Clear();

        var stranger = site.CreateClient(new() { HandleCookies = false });
        for (var request = 0; request < Burst; request++)
        {
            using var garbage = new HttpRequestMessage(HttpMethod.Get, request % 2 == 0 ? "/http/hello" : "/http/admin");
            garbage.Headers.TryAddWithoutValidation("Cookie", ".HelloMvc.Session=CfDJ8garbage");
            var answer = await stranger.SendAsync(garbage, TestContext.Current.CancellationToken);
            Assert.True(answer.StatusCode is HttpStatusCode.OK or HttpStatusCode.Forbidden, $"{answer.StatusCode}");
        }
        for (var request = 0; request < Burst / 3; request++)
        {
            using var tampered = new HttpRequestMessage(HttpMethod.Post, "/http/methods")
            {
                Content = new FormUrlEncodedContent([KeyValuePair.Create("__RequestVerificationToken", token[..^4] + "AAAA")]),
            };
            tampered.Headers.TryAddWithoutValidation("Cookie", ".AspNetCore.Antiforgery.garbage=CfDJ8garbage");
            Assert.Equal(HttpStatusCode.BadRequest, (await stranger.SendAsync(tampered, TestContext.Current.CancellationToken)).StatusCode);
        }

        var lines = LinesBeyondTheTeardownLog();
        Assert.True(lines.Count <= 3, string.Join('\n', lines.Select(line => $"{line.Level} {line.Category}: {line.Message}")));
        Assert.All(lines, line => Assert.Null(line.Exception));
    }

    [Fact]
    public async Task A_failure_an_operator_must_see_is_still_logged_with_its_exception()
    {
        site.Logs.Clear();
        var answer = await site.CreateClient().GetAsync("/hello/error", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.InternalServerError, answer.StatusCode);
        Assert.Contains(site.Logs.GetSnapshot(), record => record.Level == LogLevel.Error && record.Exception is not null);
    }
}
