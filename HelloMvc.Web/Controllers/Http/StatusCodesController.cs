using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace HelloMvc.Web.Controllers.Http;

/// <summary>A common status code, what it means, and the request on this site that answers with it, if one does.</summary>
public sealed record StatusCodeRow(int Code, string Meaning, string? Demo = null, string DemoMethod = "GET")
{
    public string ReasonPhrase => ReasonPhrases.GetReasonPhrase(Code);

    /// <summary>A link can only send a GET; the other demos are sent by their pages' scripts.</summary>
    public bool DemoIsALink => Demo is not null && DemoMethod == HttpMethods.Get;
}

public class StatusCodesController : HttpChapterController
{
    private static readonly IReadOnlyList<StatusCodeRow> Common =
    [
        new(200, "It worked; the body is the answer.", "/hello"),
        new(201, "It made something new; Location names where it lives.", "/http/created"),
        new(204, "It worked, and there is nothing to send back.", "/http/post/delete/1", "DELETE"),
        new(301, "Moved for good to the URL in Location; clients may remember that."),
        new(302, "Look at the URL in Location for now: the everyday redirect.", "/http/hi"),
        new(304, "The copy the client cached (its ETag or date) is still good, so no body follows."),
        new(400, "The request makes no sense: a bad value, a malformed header.", "/http/note/bogus"),
        new(401, "Say who you are first (WWW-Authenticate tells how)."),
        new(403, "The server understood, and refuses.", "/http/admin"),
        new(404, "Nothing answers at this URL.", "/http/404"),
        new(405, "The URL exists, but not for this method; Allow lists those it takes.", "/http/methods", "PUT"),
        new(418, "An April Fools' RFC kept alive by frameworks: a teapot will not brew coffee.", "/http/brew/coffee"),
        new(500, "The server broke while answering: an unhandled exception.", "/hello/error"),
        new(503, "The server is down or overloaded for now; Retry-After says when to come back."),
    ];

    // Status codes: three digits and a reason phrase that tell the client how the request went.
    [HttpGet("status-codes")]
    public IActionResult Index() => View(Common);
}
