using HelloMvc.Web.Hosting.Caching;
using HelloMvc.Web.Negotiation;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.AspNetCore.Mvc;

namespace HelloMvc.Web.Classes;

/// <summary>
/// The teacher's side of a class, for whoever holds its key (<see cref="TeacherOnlyAttribute"/>): the grid of who solved
/// what, as a page that updates itself, as JSON for that page's script, and as CSV; removing a student; closing the class.
/// Never cached anywhere (no-store), and the teardown log leaves out the query, where a key may be.
/// </summary>
[Route("class/{code}")]
[NoStore]
[ClassStorageUnavailable]
[HttpLogging(TeacherKey.LoggedFields)]
public class TeacherController(ClassGrids grids, IClassStore classes) : Controller
{
    /// <summary>The TempData entry that carries a new class's key to the one page that shows it.</summary>
    public const string KeyShownOnce = "class-key";

    // The grid: a row per student, a column per task; JSON for the page's script, which asks for it every few seconds.
    [HttpGet("teacher")]
    [TeacherOnly(TradeKeyForCookie = true)]
    public async Task<IActionResult> Grid(JoinCode code, NameDisplay names, CancellationToken cancellation)
    {
        var grid = await grids.ForAsync(TeacherOnlyAttribute.Taught(HttpContext), names == NameDisplay.Hidden, cancellation);
        return Request.PrefersJson() ? Json(grid.ToJson()) : View(new TeacherPage(grid, TempData[KeyShownOnce] as string));
    }

    // The grid for a spreadsheet: UTF-8 with a byte-order mark, formula-safe names.
    [HttpGet("teacher.csv")]
    [TeacherOnly]
    public async Task<IActionResult> Csv(JoinCode code, CancellationToken cancellation)
    {
        var grid = await grids.ForAsync(TeacherOnlyAttribute.Taught(HttpContext), hideNames: false, cancellation);
        return File(ClassCsv.Write(grid), ClassCsv.MediaType, $"class-{code}.csv");
    }

    // Removing one student: it leaves the class (its progress stays its own), and its row leaves the grid.
    [HttpPost("students/{number:int}/remove")]
    [TeacherOnly]
    public async Task<IActionResult> Remove(JoinCode code, int number, CancellationToken cancellation) =>
        await classes.RemoveAsync(code, number, cancellation)
            ? new SeeOtherResult(Url.Action(nameof(Grid), new { code = code.ToString() })!)
            : NotFound();

    // Closing the class: its code stops working, and its students and their memberships are deleted.
    [HttpPost("close")]
    [TeacherOnly]
    public async Task<IActionResult> Close(JoinCode code, CancellationToken cancellation)
    {
        await classes.CloseAsync(code, cancellation);
        TeacherKey.TakeCookie(Response, code);
        return new SeeOtherResult(Url.Action(nameof(ClassController.Index), "Class")!);
    }
}

/// <summary>The switch for a projector: <c>?names=hidden</c> shows Student 1, 2, … instead of the names.</summary>
public enum NameDisplay
{
    Shown,
    Hidden,
}
