using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace HelloMvc.Web.Hosting.Storage;

/// <summary>
/// Readiness: Redis answers a PING on the site's shared connection within <see cref="SiteRedis.Timeout"/>. A Redis
/// that is down or stalled is Unhealthy with the reason in one line: a load balancer asks this every few seconds,
/// and a stack trace each time would flood the log.
/// </summary>
public sealed class RedisHealthCheck(SiteRedis redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var connection = await redis.ConnectionAsync();
            var roundTrip = await connection.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy($"PING answered in {roundTrip.TotalMilliseconds:0.0} ms");
        }
        catch (Exception failure) when (failure is RedisException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"Redis did not answer: {failure.GetType().Name}");
        }
    }
}
