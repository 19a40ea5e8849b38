namespace HelloMvc.Web.Exchange;

public static class ExchangeServiceCollectionExtensions
{
    /// <summary>The exchange viewer's client, and the capture of the pipeline it sends its requests through.</summary>
    public static IServiceCollection AddSiteClient(this IServiceCollection services)
    {
        services.AddSingleton<SitePipeline>();
        services.AddTransient<IStartupFilter, SitePipeline.Capture>();
        services.AddSingleton<SiteClient>();
        services.AddOptions<ExchangeOptions>().BindConfiguration("Exchange");
        return services;
    }
}
