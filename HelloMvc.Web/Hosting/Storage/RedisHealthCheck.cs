using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HelloMvc.Web.Hosting.Storage;

/// <summary>
/// Readiness: Redis answers a PING on the site's shared connection. A Redis that is down makes the PING
/// throw within <see cref="SiteRedis.Timeout"/>, which the health-check service reports as Unhealthy.
/// </summary>
public sealed class RedisHealthCheck(SiteRedis redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var connection = await redis.ConnectionAsync();
        var roundTrip = await connection.GetDatabase().PingAsync();
        return HealthCheckResult.Healthy($"PING answered in {roundTrip.TotalMilliseconds:0.0} ms");
    }
}
