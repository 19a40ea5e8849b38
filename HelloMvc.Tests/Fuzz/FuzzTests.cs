using HelloMvc.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace HelloMvc.Tests.Fuzz;

public class FuzzTests(SiteFactory site)
{
    private const int Requests = 2000;
    private const int DefaultSeed = 20251123;

    [Fact]
    public async Task Two_thousand_hostile_requests_get_no_5xx_and_only_well_formed_bodies()
    {
        // A fixed seed makes the run repeatable; HELLOMVC_FUZZ_SEED replays (or explores) another one.
        var seed = int.TryParse(Environment.GetEnvironmentVariable("HELLOMVC_FUZZ_SEED"), out var chosen) ? chosen : DefaultSeed;
        TestContext.Current.TestOutputHelper?.WriteLine($"Fuzz seed {seed} (replay: HELLOMVC_FUZZ_SEED={seed} dotnet test)");
        // No cookie jar: every request carries only the random Cookie header it was given.
        var client = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var generator = new HostileRequests(new Random(seed), site.Services.GetRequiredService<EndpointDataSource>());
        Assert.True(generator.TemplateCount > 5, "the route table should list the site's templates");

        var failures = new List<string>();
        var statuses = new SortedDictionary<int, int>();
        for (var i = 0; i < Requests; i++)
        {
            var fuzz = generator.Next();
            var (status, failure) = await SendAsync(client, fuzz);
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            if (failure is not null)
            {
                failures.Add($"#{i} {fuzz}\n    → {failure}");
            }
        }
        // What the requests reached, so a generator that only ever finds 404s shows itself.
        TestContext.Current.TestOutputHelper?.WriteLine("Statuses: " + string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}")));

        Assert.True(failures.Count == 0,
            $"Fuzz seed {seed}: {failures.Count} of {Requests} requests failed (replay: HELLOMVC_FUZZ_SEED={seed} dotnet test). "
            + $"The first ones:\n{string.Join("\n", failures.Take(5))}");
    }

    /// <summary>The status (0 when the request threw) and what was wrong with the answer, if anything.</summary>
    private static async Task<(int Status, string? Failure)> SendAsync(HttpClient client, FuzzRequest fuzz)
    {
        using var request = fuzz.ToHttpRequestMessage();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        try
        {
            using var response = await client.SendAsync(request, timeout.Token);
            var status = (int)response.StatusCode;
            if (status >= 500 && !AnswersWithAnErrorOnPurpose(fuzz.Uri, status))
            {
                return (status, $"{status} {response.ReasonPhrase}");
            }
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            return body.Length > 0 && WellFormedBodies.Problem(response.Content.Headers.ContentType?.MediaType, body) is { } problem
                ? (status, $"{status} with {problem}")
                : (status, null);
        }
        catch (InvalidOperationException) when (fuzz.Uri.AbsolutePath.Contains("%00", StringComparison.Ordinal))
        {
            // The in-memory host refuses a NUL in the path before the app runs, as Kestrel does with a 400.
            return (400, null);
        }
        catch (Exception e) when (e is not OperationCanceledException || !TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            // In process, an exception no middleware turned into a response reaches the client as itself.
            return (0, $"threw {e}");
        }
    }

    /// <summary>/hello/error throws by design; /error/{code} renders the status it names, 5xx included.</summary>
    private static bool AnswersWithAnErrorOnPurpose(Uri uri, int status)
    {
        var path = Uri.UnescapeDataString(uri.AbsolutePath).TrimEnd('/');
        return path.Equals("/hello/error", StringComparison.OrdinalIgnoreCase)
            || (path.StartsWith("/error/", StringComparison.OrdinalIgnoreCase)
                && int.TryParse(path["/error/".Length..], out var code) && code == status);
    }
}
