using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using HelloMvc.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace HelloMvc.Tests.Fuzz;

/// <summary>
/// Hostile requests written as raw bytes to the site's real socket, so Kestrel's rules apply (what it refuses,
/// what it will not write into a header): no answer may be a 5xx, a reset or a hang, and every body must be
/// well-formed for its type.
/// </summary>
public class FuzzTests(KestrelSite site)
{
    private const int Requests = 10_000;
    private const int Connections = 4;
    private const int DefaultSeed = 20251123;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Ten_thousand_hostile_requests_on_the_wire_get_no_5xx_no_reset_no_hang_and_only_well_formed_bodies()
    {
        // A fixed seed makes the run repeatable; HELLOMVC_FUZZ_SEED replays (or explores) another one.
        var seed = int.TryParse(Environment.GetEnvironmentVariable("HELLOMVC_FUZZ_SEED"), out var chosen) ? chosen : DefaultSeed;
        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"Fuzz seed {seed} (replay: HELLOMVC_FUZZ_SEED={seed} dotnet test)");
        var generator = new HostileRequests(new Random(seed), site.Services.GetRequiredService<EndpointDataSource>());
        Assert.True(generator.TemplateCount > 5, "the route table should list the site's templates");
        // Generated up front, in order, so the seed replays the same requests whatever connection sends them.
        var requests = Enumerable.Range(0, Requests).Select(_ => generator.Next()).ToArray();

        var clock = Stopwatch.StartNew();
        var failures = new ConcurrentBag<(int Index, string Failure)>();
        var statuses = new ConcurrentDictionary<int, int>();
        var viewerStatuses = new ConcurrentDictionary<int, int>();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Connections).Select(async _ =>
        {
            RawConnection? connection = null;
            try
            {
                for (var i = Interlocked.Increment(ref next); i < requests.Length; i = Interlocked.Increment(ref next))
                {
                    connection ??= await RawConnection.OpenAsync(site.BaseAddress, TestContext.Current.CancellationToken);
                    var (status, failure) = await SendAsync(connection, requests[i]);
                    statuses.AddOrUpdate(status, 1, (_, count) => count + 1);
                    if (requests[i].Target.StartsWith("/exchange?", StringComparison.Ordinal))
                    {
                        viewerStatuses.AddOrUpdate(status, 1, (_, count) => count + 1);
                    }
                    if (failure is not null)
                    {
                        failures.Add((i, $"#{i} {requests[i]}\n    → {failure}"));
                    }
                    if (!connection.IsOpen || failure is not null)
                    {
                        await connection.DisposeAsync();
                        connection = null;
                    }
                }
            }
            finally
            {
                if (connection is not null) await connection.DisposeAsync();
            }
        }));

        // What the requests reached, so a generator that only ever finds 400s and 404s shows itself.
        output?.WriteLine($"{Requests} requests on {Connections} connections in {clock.Elapsed.TotalSeconds:0.0} s. Statuses: "
            + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))
            + $". The exchange viewer's share, with its method, header, body, type, form and follow: {viewerStatuses.Values.Sum()} requests, "
            + string.Join(", ", viewerStatuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}")));
        var first = failures.OrderBy(f => f.Index).Take(5).Select(f => f.Failure).ToList();
        Assert.True(failures.IsEmpty,
            $"Fuzz seed {seed}: {failures.Count} of {Requests} requests failed (replay: HELLOMVC_FUZZ_SEED={seed} dotnet test). "
            + $"The first ones:\n{string.Join("\n", first)}\nThe site's last exception: {LastException()}");
    }

    /// <summary>The status (0 when no response came) and what was wrong with the answer, if anything.</summary>
    private static async Task<(int Status, string? Failure)> SendAsync(RawConnection connection, FuzzRequest fuzz)
    {
        RawResponse response;
        try
        {
            response = await connection.SendAsync(fuzz.ToBytes(), Limit, fuzz.IsHead);
        }
        catch (Exception e) when (e is IOException or TimeoutException or System.Net.Sockets.SocketException)
        {
            return (0, $"no response: {e.GetType().Name}: {e.Message}");
        }
        if (response.Status >= 500 && !AnswersWithAnErrorOnPurpose(fuzz.Path, response.Status) && !IsHttp09Line(fuzz, response.Status))
        {
            return (response.Status, response.StatusLine);
        }
        var body = Encoding.UTF8.GetString(response.Body);
        return body.Length > 0 && WellFormedBodies.Problem(response.MediaType, body) is { } problem
            ? (response.Status, $"{response.Status} with {problem}")
            : (response.Status, null);
    }

    /// <summary>/hello/error throws by design; /error/{code} renders the status it names, 5xx included.</summary>
    private static bool AnswersWithAnErrorOnPurpose(string path, int status)
    {
        path = path.TrimEnd('/');
        return path.Equals("/hello/error", StringComparison.OrdinalIgnoreCase)
            || (path.StartsWith("/error/", StringComparison.OrdinalIgnoreCase)
                && int.TryParse(path["/error/".Length..], out var code) && code == status);
    }

    /// <summary>
    /// A raw CR or LF in the target ends the request line before its version, which makes it an HTTP/0.9 request;
    /// Kestrel answers that with 505 before the app runs, and so it should (RFC 9110, 15.6.6).
    /// </summary>
    private static bool IsHttp09Line(FuzzRequest fuzz, int status) =>
        status == 505 && fuzz.Target.IndexOfAny(['\r', '\n']) >= 0;

    private string LastException() =>
        site.Logs.GetSnapshot().LastOrDefault(record => record.Exception is not null) is { } record
            ? $"{record.Message}\n{record.Exception}"
            : "none logged";
}
