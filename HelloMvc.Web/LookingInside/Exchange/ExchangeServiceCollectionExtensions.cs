namespace HelloMvc.Web.LookingInside.Exchange;

public static class ExchangeServiceCollectionExtensions
{
    /// <summary>The exchange viewer's client, which asks the site over a socket, and its limits.</summary>
    public static IServiceCollection AddWireClient(this IServiceCollection services)
    {
        services.AddSingleton<WireClient>();
        services.AddOptions<ExchangeOptions>().BindConfiguration("Exchange");
        return services;
    }
}
