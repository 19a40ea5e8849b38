using HelloMvc.Web.Hosting.Security;
using HelloMvc.Web.LookingInside.Catalog;
using HelloMvc.Web.Models;
using HelloMvc.Web.Negotiation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace HelloMvc.Web.Controllers;

/// <summary>Where status-code pages and the exception handler re-execute every error.</summary>
[Route("error")]
[IgnoreAntiforgeryToken]
[IgnoreFormValues]
public class ErrorController(LessonFinder lessons) : Controller
{
    // One error page for every status: code, reason phrase, why and what to try next; problem+json for clients that asked for JSON.
    // No [Http…] attribute on purpose: a re-executed PUT or POST keeps its method and must land here too.
    [Route("{code:int:range(400,599)}")]
    public IActionResult Status(int code)
    {
        if (Request.PrefersJson())
        {
            return Problem(statusCode: code, title: ReasonPhrases.GetReasonPhrase(code));
        }
        Response.StatusCode = code;
        var asked = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is null ? null : lessons.For(HttpContext);
        return View(new ErrorViewModel(code, ReasonPhrases.GetReasonPhrase(code), HttpContext.TraceIdentifier)
            { Asked = asked, Instead = asked is null ? null : lessons.AcceptedInstead(asked) });
    }
}
