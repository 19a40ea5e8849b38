using Microsoft.AspNetCore.Mvc;

namespace HelloMvc.Web.Classes;

/// <summary>
/// 303 See Other: after a form is posted (start, join, leave, remove, close), the browser GETs the page it names, so a
/// reload never posts the form again. Also what trades a teacher's <c>?key=</c> for the cookie: unlike the framework's
/// redirects, it is not written into "what just happened", which would show the key's URL on the next page.
/// </summary>
public sealed class SeeOtherResult(string url) : IActionResult
{
    public string Url => url;

    public Task ExecuteResultAsync(ActionContext context)
    {
        context.HttpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.HttpContext.Response.Headers.Location = url;
        return Task.CompletedTask;
    }
}
