using HelloMvc.Web.Hosting.Caching;
using HelloMvc.Web.TryIt;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace HelloMvc.Web.Classes;

/// <summary>
/// A class: a teacher starts one and gets a join code; students join it under a name they choose, and from then on the
/// teacher's grid (<see cref="TeacherController"/>) shows which tasks each has made the server do.
/// </summary>
[Route("class")]
[NoStore]
[ClassStorageUnavailable]
public class ClassController(IClassStore classes, Learners learners, IStringLocalizer<ClassController> localizer) : Controller
{
    // The start page: a form to start a class, and one to join a class by its code.
    [HttpGet("")]
    public IActionResult Index() => View(new ClassIndexPage());

    // Starting a class: a join code for the students, and a key for the teacher that this browser keeps in a cookie.
    [HttpPost("")]
    [EnableRateLimiting(ClassStartPolicy.Name)]
    public async Task<IActionResult> Start(StartForm form, CancellationToken cancellation)
    {
        if (!ModelState.IsValid)
        {
            return Refuse(StatusCodes.Status400BadRequest, new ClassIndexPage(form.Title, StartRefusal: Reason(nameof(form.Title))));
        }
        var key = TeacherKey.New();
        if (await classes.StartAsync(form.Title!, TeacherKey.Hash(key), cancellation) is not { } code)
        {
            Response.Headers.RetryAfter = "3600";
            return Refuse(StatusCodes.Status503ServiceUnavailable, new ClassIndexPage(form.Title,
                StartRefusal: localizer["The site holds as many open classes as it may; one must close or expire before another starts."]));
        }
        TeacherKey.GiveCookie(Response, code, key);
        // Shown once, on the page this leads to: the store keeps only the key's hash.
        TempData[TeacherController.KeyShownOnce] = key;
        return new SeeOtherResult(Url.Action(nameof(TeacherController.Grid), "Teacher", new { code = code.ToString() })!);
    }

    // Joining by the code typed into the start page's form: the class's own join page.
    [HttpGet("join")]
    public IActionResult Find(JoinCode code) =>
        code.IsValid
            ? RedirectToAction(nameof(Join), new { code = code.ToString() })
            : Refuse(StatusCodes.Status404NotFound, UnknownClass(code));

    // A class's join page: the name the teacher will see. An unknown or closed code: 404, with the form to try another.
    [HttpGet("{code}")]
    public async Task<IActionResult> Join(JoinCode code, CancellationToken cancellation) =>
        await Joinable(code, cancellation) is { } taught
            ? View(new JoinPage(code, taught.Title))
            : Refuse(StatusCodes.Status404NotFound, UnknownClass(code));

    // Joining under a name: a learner is in one class at a time, so joining this one leaves any other.
    [HttpPost("{code}/join")]
    public async Task<IActionResult> JoinAs(JoinCode code, JoinForm form, CancellationToken cancellation)
    {
        if (await Joinable(code, cancellation) is not { } taught) return Refuse(StatusCodes.Status404NotFound, UnknownClass(code));
        if (!ModelState.IsValid)
        {
            return Refuse(StatusCodes.Status400BadRequest, new JoinPage(code, taught.Title, form.Name, Reason(nameof(form.Name))));
        }
        return await classes.JoinAsync(code, learners.EnsureId(HttpContext), form.Name!, cancellation) switch
        {
            JoinOutcome.Joined => new SeeOtherResult(Url.Action("Show", "Progress")!),
            JoinOutcome.ClassFull => Refuse(StatusCodes.Status409Conflict,
                new JoinPage(code, taught.Title, form.Name, localizer["This class is full: it has as many students as a class may have."])),
            _ => Refuse(StatusCodes.Status404NotFound, UnknownClass(code)),
        };
    }

    // Leaving the class: the learner's progress stays its own, and the teacher's grid loses its row.
    [HttpPost("leave")]
    public async Task<IActionResult> Leave(CancellationToken cancellation)
    {
        if (learners.IdOf(HttpContext) is { } learner) await classes.LeaveAsync(learner, cancellation);
        return new SeeOtherResult(Url.Action("Show", "Progress")!);
    }

    private async Task<ClassRoster?> Joinable(JoinCode code, CancellationToken cancellation) =>
        code.IsValid ? await classes.GetAsync(code, cancellation) : null;

    private ClassIndexPage UnknownClass(JoinCode code) =>
        new(JoinRefusal: code.IsValid
            ? localizer["No open class has the code {0}: it may have been closed.", code.ToString()]
            : localizer["A class's code is six letters and digits, such as K7P2QX."]);

    private string? Reason(string field) => ModelState[field]?.Errors.FirstOrDefault()?.ErrorMessage;

    // The page again, with the reason, under the status that says what was wrong.
    private ViewResult Refuse(int status, object page)
    {
        Response.StatusCode = status;
        return View(page is JoinPage ? nameof(Join) : nameof(Index), page);
    }
}
