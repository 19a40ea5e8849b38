using HelloMvc.Web.Models;
using Microsoft.AspNetCore.Mvc;

namespace HelloMvc.Web.Controllers.Http;

public class StatusCodesController : HttpChapterController
{
    private static readonly IReadOnlyList<StatusCodeRow> Common =
    [
        new(200, "It worked; the body is the answer."),
        new(201, "It made something new; Location names where it lives."),
        new(204, "It worked, and there is nothing to send back."),
        new(301, "Moved for good to the URL in Location; clients may remember that."),
        new(302, "Look at the URL in Location for now: the everyday redirect."),
        new(304, "The copy the client cached (its ETag or date) is still good, so no body follows."),
        new(400, "The request makes no sense: a bad value, a malformed header."),
        new(401, "Say who you are first (WWW-Authenticate tells how)."),
        new(403, "The server understood, and refuses."),
        new(404, "Nothing answers at this URL."),
        new(405, "The URL exists, but not for this method; Allow lists those it takes.", "PUT /http/methods"),
        new(418, "An April Fools' RFC kept alive by frameworks: a teapot will not brew coffee."),
        new(500, "The server broke while answering: an unhandled exception."),
        new(503, "The server is down or overloaded for now; Retry-After says when to come back."),
    ];

    // Status codes: three digits and a reason phrase that tell the client how the request went.
    [HttpGet("status-codes")]
    public IActionResult Index() => View(Common);
}
