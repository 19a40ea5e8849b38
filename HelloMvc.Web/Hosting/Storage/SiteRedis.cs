using StackExchange.Redis;

namespace HelloMvc.Web.Hosting.Storage;

/// <summary>
/// The one Redis connection the session store, the data-protection key ring and the readiness check share. StackExchange.Redis waits 5 s by default and queues commands while it is
/// disconnected; a page must not hang on a Redis that is down, so this one gives up within a second and
/// fails a command at once while there is no connection. It keeps reconnecting in the background, so the
/// site recovers by itself when Redis returns.
/// </summary>
public sealed class SiteRedis : IAsyncDisposable
{
    /// <summary>How long a connect or a command may take before it counts as a failure.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    private readonly Lazy<Task<IConnectionMultiplexer>> _connection;

    public SiteRedis(string connectionString)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = options.SyncTimeout = options.AsyncTimeout = (int)Timeout.TotalMilliseconds;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ReconnectRetryPolicy = new LinearRetry((int)Timeout.TotalMilliseconds / 2);
        options.ClientName ??= "HelloMvc";
        _connection = new(() => ConnectAsync(options));
    }

    /// <summary>The connection, made on first use. It never throws for a Redis that is down: its commands do.</summary>
    public Task<IConnectionMultiplexer> ConnectionAsync() => _connection.Value;

    /// <summary>For the data-protection key ring, whose repository is synchronous.</summary>
    public IDatabase Database() => _connection.Value.GetAwaiter().GetResult().GetDatabase();

    private static async Task<IConnectionMultiplexer> ConnectAsync(ConfigurationOptions options) =>
        await ConnectionMultiplexer.ConnectAsync(options);

    public async ValueTask DisposeAsync()
    {
        if (_connection.IsValueCreated)
        {
            await (await _connection.Value).DisposeAsync();
        }
    }
}
