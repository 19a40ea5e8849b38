using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace HelloMvc.Web.Hosting.Health;

/// <summary>
/// What a load balancer or an orchestrator asks: is the process alive, and is it ready for traffic. Both
/// answer the framework's plain text (Healthy, 200; Unhealthy, 503) with caching forbidden.
/// </summary>
public static class HealthEndpoints
{
    /// <summary>The tag of the checks readiness runs (Redis, when the site uses it).</summary>
    public const string ReadyTag = "ready";

    private static readonly string[] Methods = [HttpMethods.Get, HttpMethods.Head];

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Liveness runs no check: answering at all is the proof. Restarting the site would not bring Redis back.
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false })
            .WithName("Health.Live")
            .WithMetadata(new HttpMethodMetadata(Methods));
        // Readiness: everything the pages depend on answers.
        endpoints.MapHealthChecks("/healthz/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) })
            .WithName("Health.Ready")
            .WithMetadata(new HttpMethodMetadata(Methods));
        return endpoints;
    }
}
