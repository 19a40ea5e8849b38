using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace HelloMvc.Web.LookingInside.Exchange;

public static class ExchangeServiceCollectionExtensions
{
    /// <summary>
    /// The exchange viewer: its client, which asks the site over a socket, and its limits; the runner that sends a
    /// page's form and follows redirects. Each exchange carries its journey (<see cref="Journeys.JourneyExtensions.AddJourneys"/>).
    /// </summary>
    public static IServiceCollection AddExchangeViewer(this IServiceCollection services)
    {
        services.AddSingleton<ExchangeClient>();
        services.AddSingleton<ExchangeRunner>();
        services.AddOptions<ExchangeOptions>().BindConfiguration("Exchange");
        // The viewer's form is a GET, so a body of 8 KB travels in its query, percent-encoded (up to three bytes a byte):
        // Kestrel's request line, 8 KB by default, must hold that and the rest of the query.
        services.Configure<KestrelServerOptions>(kestrel => kestrel.Limits.MaxRequestLineSize = 32 * 1024);
        return services;
    }
}
