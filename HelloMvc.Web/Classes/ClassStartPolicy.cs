using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using HelloMvc.Web.Hosting.Storage;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace HelloMvc.Web.Classes;

/// <summary>
/// Starting a class, limited per address with the framework's rate limiter (<c>[EnableRateLimiting(ClassStartPolicy.Name)]</c>):
/// at most <see cref="ClassOptions.StartsPerWindow"/> in <see cref="ClassOptions.StartWindow"/>, then 429 with Retry-After.
/// The address is the client's as the forwarded headers give it behind nginx (an IPv6 client by its /64, which one
/// household holds whole). Embedded, the framework's fixed window counts in memory; with Redis every instance counts in
/// the same place, so two instances behind nginx do not double the allowance.
/// </summary>
public sealed class ClassStartPolicy(IOptions<ClassOptions> options, IServiceProvider services) : IRateLimiterPolicy<string>
{
    public const string Name = "class-start";

    private readonly ClassOptions _limits = options.Value;
    private readonly SiteRedis? _redis = services.GetService<SiteRedis>();

    // The site's other limit (the exchange viewer's) answers 503; too many starts are the client's doing: 429.
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = (rejected, _) =>
    {
        rejected.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait))
        {
            rejected.HttpContext.Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }
        return ValueTask.CompletedTask;
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        var address = AddressOf(httpContext.Connection.RemoteIpAddress);
        return _redis is { } redis
            ? RateLimitPartition.Get(address, key => new RedisWindowLimiter(redis, key, _limits.StartsPerWindow, _limits.StartWindow))
            : RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = _limits.StartsPerWindow,
                Window = _limits.StartWindow,
                QueueLimit = 0,
            });
    }

    /// <summary>The partition of an address: IPv4 as it is, IPv6 by its first 64 bits.</summary>
    public static string AddressOf(IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
