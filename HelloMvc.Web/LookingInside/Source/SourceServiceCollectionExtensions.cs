namespace HelloMvc.Web.LookingInside.Source;

public static class SourceServiceCollectionExtensions
{
    /// <summary>"The code" on every demo page and /source/…: the embedded sources, and what each demo's code is.</summary>
    public static IServiceCollection AddSourceListings(this IServiceCollection services) =>
        services.AddSingleton<EmbeddedSources>().AddSingleton<DemoRouting>().AddSingleton<SourceListings>();
}
