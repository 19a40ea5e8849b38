using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.DependencyInjection.Extensions;
using HelloMvc.Web.Health;
using StackExchange.Redis;

namespace HelloMvc.Web.Storage;

public static class SiteStorageExtensions
{
    /// <summary>Every instance protects cookies and tokens with the same key ring under this name.</summary>
    public const string ApplicationName = "HelloMvc";

    /// <summary>
    /// Where the site keeps what must outlive a request: the session, the data-protection keys (which encrypt
    /// the session cookie and the antiforgery tokens) and the output cache. Embedded, the session and the
    /// cache live in memory and the keys in a folder, so a restart keeps cookies and tokens valid. With
    /// <c>ConnectionStrings:Redis</c> all three live in Redis, so any instance can answer any visitor.
    /// </summary>
    public static WebApplicationBuilder AddSiteStorage(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var dataProtection = services.AddDataProtection().SetApplicationName(ApplicationName);
        var health = services.AddHealthChecks();

        if (builder.Configuration.GetConnectionString("Redis") is not { Length: > 0 } redisConnection)
        {
            services.AddDistributedMemoryCache();
            var keys = Path.Combine(builder.Environment.ContentRootPath, builder.Configuration["Storage:KeysFolder"] ?? "App_Data/keys");
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(keys));
            return builder;
        }

        var redis = new SiteRedis(redisConnection);
        services.AddSingleton(redis);
        Func<Task<IConnectionMultiplexer>> shared = redis.ConnectionAsync;

        services.AddStackExchangeRedisCache(options =>
        {
            options.ConnectionMultiplexerFactory = shared;
            options.InstanceName = $"{ApplicationName}:session:";
        });
        // Loading the session gives up with Redis; this only bounds a store that answers too slowly.
        services.Configure<SessionOptions>(options => options.IOTimeout = 2 * SiteRedis.Timeout);

        dataProtection.PersistKeysToStackExchangeRedis(redis.Database, $"{ApplicationName}:data-protection-keys");

        services.AddStackExchangeRedisOutputCache(options =>
        {
            options.ConnectionMultiplexerFactory = shared;
            options.InstanceName = $"{ApplicationName}:output:";
        });
        WrapOutputCacheStore(services);

        health.AddCheck<RedisHealthCheck>("redis", tags: [HealthEndpoints.ReadyTag]);
        return builder;
    }

    // Replaces the Redis output-cache store by the same store behind FailSoftOutputCacheStore.
    private static void WrapOutputCacheStore(IServiceCollection services)
    {
        var redisStore = services.Last(service => service.ServiceType == typeof(IOutputCacheStore));
        services.RemoveAll<IOutputCacheStore>();
        services.AddSingleton<IOutputCacheStore>(provider => new FailSoftOutputCacheStore(
            redisStore.ImplementationFactory?.Invoke(provider) as IOutputCacheStore
                ?? (IOutputCacheStore)ActivatorUtilities.CreateInstance(provider, redisStore.ImplementationType!),
            provider.GetRequiredService<ILogger<FailSoftOutputCacheStore>>()));
    }
}
