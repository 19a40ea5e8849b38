namespace HelloMvc.Web.Hooks;

public static class HookEvidenceExtensions
{
    /// <summary>
    /// What /http/hooks shows as evidence besides the filters: when the app finished starting (before_first_request), and
    /// the teardown line of each browser's previous request. The teardown hook logs at Information, which Production
    /// keeps out of the console; its lines still reach the one logger that keeps them per browser.
    /// </summary>
    public static IServiceCollection AddHookEvidence(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<ApplicationStartedAt>();
        services.AddHostedService(provider => provider.GetRequiredService<ApplicationStartedAt>());
        services.AddSingleton<TeardownLinesPerBrowser>();
        services.AddHostedService(provider => provider.GetRequiredService<TeardownLinesPerBrowser>());
        services.Configure<LoggerFilterOptions>(filters =>
            filters.AddFilter<TeardownLinesPerBrowser>(TeardownLinesPerBrowser.Category, LogLevel.Information));
        return services;
    }
}
