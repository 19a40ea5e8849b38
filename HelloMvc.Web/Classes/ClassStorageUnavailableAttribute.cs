using HelloMvc.Web.Hosting.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using StackExchange.Redis;

namespace HelloMvc.Web.Classes;

/// <summary>
/// While Redis does not answer, a class page answers 503 with Retry-After (the site's error page, one log line), as the
/// session's pages do, never a 500: the class is not lost, only out of reach for a moment.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ClassStorageUnavailableAttribute : ExceptionFilterAttribute
{
    public static bool IsStorageFailure(Exception exception) => exception is RedisException or TimeoutException;

    public override void OnException(ExceptionContext context)
    {
        if (!IsStorageFailure(context.Exception)) return;
        StorageUnavailable.Answer(context.HttpContext, context.Exception);
        context.Result = new StatusCodeResult(StatusCodes.Status503ServiceUnavailable);
        context.ExceptionHandled = true;
    }
}
