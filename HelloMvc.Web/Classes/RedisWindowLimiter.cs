using System.Diagnostics;
using System.Threading.RateLimiting;
using HelloMvc.Web.Hosting.Storage;
using StackExchange.Redis;

namespace HelloMvc.Web.Classes;

/// <summary>
/// A fixed window counted in Redis, for one partition (an address) of <see cref="ClassStartPolicy"/>: the first request
/// of a window makes a counter that expires with it, and each request adds one. It keeps nothing itself, so every instance
/// sees the same count. The framework asks synchronously first; only the asynchronous path goes to Redis.
/// </summary>
internal sealed class RedisWindowLimiter(SiteRedis redis, string partition, int permits, TimeSpan window) : RateLimiter
{
    private const string Count = """
        local count = redis.call('INCR', KEYS[1])
        if count == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
        return {count, redis.call('TTL', KEYS[1])}
        """;

    private readonly RedisKey _key = "HelloMvc:class-starts:" + partition;
    private long _lastUsed = Stopwatch.GetTimestamp();

    /// <summary>How long since this partition last asked: the framework drops idle partitions' limiters.</summary>
    public override TimeSpan? IdleDuration => Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastUsed));

    public override RateLimiterStatistics? GetStatistics() => null;

    // Never granted without asking Redis: the middleware then asks AcquireAsync.
    protected override RateLimitLease AttemptAcquireCore(int permitCount) => new WindowLease(false, null);

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _lastUsed, Stopwatch.GetTimestamp());
        try
        {
            var database = (await redis.ConnectionAsync()).GetDatabase();
            var counted = (RedisResult[])(await database.ScriptEvaluateAsync(Count, [_key], [(long)window.TotalSeconds]))!;
            var (count, secondsLeft) = ((long)counted[0], (long)counted[1]);
            return count <= permits ? new WindowLease(true, null) : new WindowLease(false, TimeSpan.FromSeconds(Math.Max(1, secondsLeft)));
        }
        catch (Exception failure) when (failure is RedisException or TimeoutException)
        {
            // Redis does not answer: the class could not be stored either, and the store says so with a 503.
            return new WindowLease(true, null);
        }
    }

    private sealed class WindowLease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
