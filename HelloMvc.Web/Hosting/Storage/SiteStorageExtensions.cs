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
    /// Where the site keeps what must outlive a request: the session and the data-protection keys (which encrypt
    /// the session cookie and the antiforgery tokens). Embedded, the session lives in memory and the keys in a
    /// folder, so a restart keeps cookies and tokens valid. With <c>ConnectionStrings:Redis</c> both live in Redis,
    /// so any instance can answer any visitor. The output cache is never here: each instance keeps its own, in
    /// memory and bounded (Caching/). With <c>DataProtection:Certificate</c> the keys are encrypted at rest.
    /// </summary>
    public static WebApplicationBuilder AddSiteStorage(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var dataProtection = services.AddDataProtection().SetApplicationName(ApplicationName);
        var health = services.AddHealthChecks();
        dataProtection.ProtectKeysAtRest(builder);

        if (builder.Configuration.GetConnectionString("Redis") is not { Length: > 0 } redisConnection)
        {
            // The session's store is then Program.cs's AddDistributedMemoryCache, which adds itself only when Redis did not.
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

        health.AddCheck<RedisHealthCheck>("redis", tags: [HealthEndpoints.ReadyTag]);
        return builder;
    }
}
