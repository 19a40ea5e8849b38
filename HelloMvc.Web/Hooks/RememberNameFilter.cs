using Microsoft.AspNetCore.Mvc.Filters;

namespace HelloMvc.Web.Hooks;

/// <summary>
/// Flask's before_request that sets g.name: before every action, the `name` query value is copied into
/// HttpContext.Items, the per-request bag that plays the part of Flask's g.
/// </summary>
public sealed class RememberNameFilter : IActionFilter
{
    public const string ItemKey = "name";

    public void OnActionExecuting(ActionExecutingContext context)
    {
        if (context.HttpContext.Request.Query.TryGetValue("name", out var name))
        {
            context.HttpContext.Items[ItemKey] = name.ToString();
        }
    }

    public void OnActionExecuted(ActionExecutedContext context)
    {
    }
}
