using HelloMvc.Web.Hosting.Health;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Session;
using StackExchange.Redis;

namespace HelloMvc.Web.Hosting.Storage;

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
        services.AddSingleton(_ => redis); // made by a factory, so the container disposes it
        Func<Task<IConnectionMultiplexer>> shared = redis.ConnectionAsync;

        services.AddStackExchangeRedisCache(options =>
        {
            options.ConnectionMultiplexerFactory = shared;
            options.InstanceName = $"{ApplicationName}:session:";
        });
        // Redis gives up after SiteRedis.Timeout; this bounds the whole load of a session, under the 2 s a page may take.
        services.Configure<SessionOptions>(options => options.IOTimeout = 1.5 * SiteRedis.Timeout);
        services.AddSingleton<ISessionStore, RefreshOnceSessionStore>();

        dataProtection.PersistKeysToStackExchangeRedis(redis.Database, $"{ApplicationName}:data-protection-keys");

        services.AddStackExchangeRedisOutputCache(options =>
        {
            options.ConnectionMultiplexerFactory = shared;
            options.InstanceName = $"{ApplicationName}:output:";
        });
        // No wrapper needed around this store: when it fails, the output-cache middleware logs the error and
        // computes the page as on a miss (a test proves it with Redis down).

        health.AddCheck<RedisHealthCheck>("redis", tags: [HealthEndpoints.ReadyTag]);
        return builder;
    }
}
