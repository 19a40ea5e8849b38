using Microsoft.AspNetCore.HttpLogging;

namespace HelloMvc.Web.Hooks;

/// <summary>
/// Flask's teardown_request, played by the framework's HTTP logging: one combined line per request, written when the
/// response is done, also when the action threw (the exception handler has turned it into a 500 by then). It logs at
/// Information under Microsoft.AspNetCore.HttpLogging, which appsettings.Development.json turns on; Production keeps
/// it off, since a console line per request costs a third of the throughput (docs/PERFORMANCE.md).
/// </summary>
public static class TeardownLog
{
    public static void Fields(HttpLoggingOptions logging)
    {
        logging.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath | HttpLoggingFields.RequestQuery
            | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
        logging.CombineLogs = true;
    }
}
