using HelloMvc.Web.LookingInside.Source;
using Microsoft.AspNetCore.Diagnostics;

namespace HelloMvc.Web.LookingInside.Catalog;

/// <summary>What the learner asked for: the URL as typed (before an error page re-executed it), and where routing put it.</summary>
/// <remarks>Landing is known on error pages and for URLs that are no demo of the index; elsewhere it is not needed.</remarks>
public sealed record Asked(string Url, Landing? Landing, PlacedDemo? Lesson)
{
    /// <summary>The URL has a route's shape, but a constraint refused its value: no action ran.</summary>
    public bool Refused => Landing?.RefusedByConstraint == true;
}

/// <summary>
/// Finds the lesson a request belongs to: the demo with this very URL, else the demo with this path, else the first demo
/// that lands on the same action (or is refused by the same route), so /http/goback/12 belongs to /http/goback/34's
/// section. On an error page it looks at the URL the learner asked for, not at /error/404.
/// </summary>
public sealed class LessonFinder(DemoRouting routing)
{
    // Routing's endpoints exist only once the app runs, so the demos are routed on first use, then remembered.
    private readonly Lazy<IReadOnlyDictionary<Demo, Landing?>> _landings = new(() => LessonPath.Placed
        .Select(lesson => lesson.Demo).Distinct()
        .ToDictionary(demo => demo, demo => routing.Find(demo.Method, demo.PathOnly)));

    public Asked For(HttpContext context)
    {
        var request = context.Request;
        var reExecuted = context.Features.Get<IStatusCodeReExecuteFeature>();
        var (path, query) = reExecuted is not null
            ? (reExecuted.OriginalPath, reExecuted.OriginalQueryString ?? "")
            : context.Features.Get<IExceptionHandlerPathFeature>() is { } failed
                ? (failed.Path, "")
                : (request.Path.Value ?? "/", request.QueryString.Value ?? "");
        // The URL as it travels (percent-encoded); routing and the catalogue's paths compare with the decoded path.
        var url = new PathString(path).ToUriComponent() + query;
        var lesson = LessonPath.Placed.FirstOrDefault(lesson => lesson.Demo.Path == url)
            ?? LessonPath.Placed.FirstOrDefault(lesson => lesson.Demo.PathOnly == path);
        // Where routing put it matters to an error page, and to a URL that is no demo of the index: then every demo is
        // routed (once, on first use) to find the one that lands on the same action.
        var landing = lesson is null || reExecuted is not null ? routing.Find(HttpMethods.Get, path) : null;
        lesson ??= landing is null ? null : LessonPath.Placed.FirstOrDefault(lesson => SameLanding(Landed(lesson.Demo), landing));
        return new Asked(url, landing, lesson);
    }

    /// <summary>A demo of the index that the same route accepts and that answers 200: the URL to try instead of a refused one.</summary>
    public Demo? AcceptedInstead(Asked asked) =>
        asked.Landing is { } landing
            ? LessonPath.Placed.Select(lesson => lesson.Demo)
                .FirstOrDefault(demo => demo.Status == StatusCodes.Status200OK && demo.Method == HttpMethods.Get
                                        && Landed(demo) is { RefusedByConstraint: false } accepted && accepted.Endpoint == landing.Endpoint)
            : null;

    private static bool SameLanding(Landing? demo, Landing asked) =>
        demo is not null && demo.Endpoint == asked.Endpoint && demo.RefusedByConstraint == asked.RefusedByConstraint;

    private Landing? Landed(Demo demo) => _landings.Value[demo];
}
