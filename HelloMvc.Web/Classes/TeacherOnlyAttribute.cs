using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.WebUtilities;

namespace HelloMvc.Web.Classes;

/// <summary>
/// The teacher's pages and actions let through only a request that presents the class's key, in its <c>?key=</c> or the
/// teacher cookie: anyone else gets 403, and a code that names no open class 404. A key in the query (the link for another
/// device) is traded for the cookie; with <see cref="TradeKeyForCookie"/> the browser is then sent to the same page
/// without it, so the key leaves the address bar (a projector shows it) and the history. An action filter rather than an
/// authorization filter, so that a store that does not answer is the 503 of <see cref="ClassStorageUnavailableAttribute"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class TeacherOnlyAttribute : Attribute, IAsyncActionFilter
{
    private static readonly object ItemKey = new();

    /// <summary>Send a GET that brought the key in its query to the same URL without it.</summary>
    public bool TradeKeyForCookie { get; init; }

    /// <summary>The class the filter let this request teach.</summary>
    public static ClassRoster Taught(HttpContext context) => (ClassRoster)context.Items[ItemKey]!;

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var http = context.HttpContext;
        var code = context.ActionArguments.TryGetValue("code", out var bound) && bound is JoinCode { IsValid: true } parsed ? parsed : default;
        if (!code.IsValid || await http.RequestServices.GetRequiredService<IClassStore>().GetAsync(code, http.RequestAborted) is not { } taught)
        {
            context.Result = new NotFoundResult();
            return;
        }
        var get = HttpMethods.IsGet(http.Request.Method);
        var key = TeacherKey.Presented(http.Request, out var inQuery);
        // The teacher cookie's path has the code in capitals: a URL typed in lower case would never carry it.
        if (get && !inQuery && context.RouteData.Values["code"]?.ToString() != code.ToString())
        {
            context.Result = new SeeOtherResult(CleanUrl(context, code));
            return;
        }
        if (!TeacherKey.Opens(key, taught.KeyHash))
        {
            context.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
            return;
        }
        http.Items[ItemKey] = taught;
        if (inQuery) TeacherKey.GiveCookie(http.Response, code, key!);
        if (get && inQuery && TradeKeyForCookie)
        {
            context.Result = new SeeOtherResult(CleanUrl(context, code));
            return;
        }
        await next();
    }

    // This page, with the code in capitals and without the key.
    private static string CleanUrl(ActionExecutingContext context, JoinCode code)
    {
        var path = ((Controller)context.Controller).Url.Action(null, new { code = code.ToString() })!;
        var kept = context.HttpContext.Request.Query
            .Where(pair => !string.Equals(pair.Key, TeacherKey.QueryName, StringComparison.OrdinalIgnoreCase))
            .SelectMany(pair => pair.Value.Select(value => KeyValuePair.Create(pair.Key, value)));
        return QueryHelpers.AddQueryString(path, kept);
    }
}
