namespace HelloMvc.Web.LookingInside.Journeys;

public static class JourneyExtensions
{
    /// <summary>
    /// The journey of each request the exchange viewer sends: what routing, the filters, the action, the result and the
    /// views did, from the framework's own diagnostic events, recorded for the viewer's requests only.
    /// </summary>
    public static IServiceCollection AddJourneys(this IServiceCollection services) =>
        services.AddSingleton<JourneyStore>().AddHostedService<JourneyRecorder>();

    /// <summary>Marks where a journey starts: first in the pipeline, so it shows everything the site did.</summary>
    public static IApplicationBuilder UseJourneys(this IApplicationBuilder app) => app.UseMiddleware<JourneyMiddleware>();
}
