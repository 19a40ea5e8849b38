namespace HelloMvc.Web.LookingInside.Journeys;

/// <summary>
/// Opens the journey of a request the exchange viewer marked, before anything else runs, and ends it when all has run.
/// Every other request passes straight on: the recorder is enabled only inside a journey, so it costs them nothing.
/// </summary>
public sealed class JourneyMiddleware(RequestDelegate next, JourneyStore journeys)
{
    public Task InvokeAsync(HttpContext context) =>
        journeys.Claim(context) is { } journey ? Record(journey, context) : next(context);

    private async Task Record(Journey journey, HttpContext context)
    {
        // Flows with this request's code, and only with it: the recorder's IsEnabled reads it.
        JourneyStore.Current.Value = journey;
        try
        {
            await next(context);
        }
        finally
        {
            journey.End();
        }
    }
}
