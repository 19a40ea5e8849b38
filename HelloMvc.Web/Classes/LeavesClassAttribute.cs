using HelloMvc.Web.TryIt;
using Microsoft.AspNetCore.Mvc.Filters;

namespace HelloMvc.Web.Classes;

/// <summary>
/// On an action that forgets a learner (<c>POST /progress/reset</c>): once it succeeded, the learner leaves its class
/// too, so a reset leaves nothing of it on a teacher's grid.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class LeavesClassAttribute : Attribute, IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var learner = context.HttpContext.RequestServices.GetRequiredService<Learners>().IdOf(context.HttpContext);
        var done = await next();
        if (learner is not null && done.Exception is null)
        {
            await context.HttpContext.RequestServices.GetRequiredService<IClassStore>().LeaveAsync(learner, context.HttpContext.RequestAborted);
        }
    }
}
