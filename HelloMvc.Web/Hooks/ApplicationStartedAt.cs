namespace HelloMvc.Web.Hooks;

/// <summary>
/// Flask's before_first_request, the ASP.NET way: the host raises IHostApplicationLifetime.ApplicationStarted once,
/// when the app has started and before it serves its first request; this remembers when, by the site's clock.
/// A hosted service, so it is listening before the host starts.
/// </summary>
public sealed class ApplicationStartedAt(IHostApplicationLifetime lifetime, TimeProvider clock) : IHostedService
{
    /// <summary>When the app finished starting; null until then.</summary>
    public DateTimeOffset? At { get; private set; }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => At = clock.GetUtcNow());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
