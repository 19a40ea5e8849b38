using System.Globalization;
using Microsoft.AspNetCore.Mvc.Filters;

namespace HelloMvc.Web.Hooks;

/// <summary>
/// Flask's after_request: once the action has run, and before the response starts, add a
/// Server-Timing header with the action's duration (browsers show it in their network panel).
/// </summary>
public sealed class ServerTimingFilter(TimeProvider clock) : IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var started = clock.GetTimestamp();
        await next();
        var milliseconds = clock.GetElapsedTime(started).TotalMilliseconds;
        context.HttpContext.Response.Headers["Server-Timing"] =
            string.Create(CultureInfo.InvariantCulture, $"action;dur={milliseconds:0.###}");
    }
}
