using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace HelloMvc.Web.LookingInside.Catalog;

/// <summary>
/// Names the chapter a controller's pages belong to, so the layout can tell the learner where they are
/// without every action or view repeating it.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ChapterAttribute(string title) : ResultFilterAttribute
{
    public override void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Controller is Controller controller)
        {
            controller.ViewData["Chapter"] = title;
        }
    }
}
