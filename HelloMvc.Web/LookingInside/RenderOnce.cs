using HelloMvc.Web.LookingInside.Catalog;
using HelloMvc.Web.TryIt.Tasks;

namespace HelloMvc.Web.LookingInside;

/// <summary>
/// What a part of a page that is the same for every request depends on, for the framework's cache tag helper
/// (<c>&lt;cache vary-by-culture="true" vary-by="…"&gt;</c>): the layout's chrome, a lesson's breadcrumb, path and Try it
/// tasks, and "The code" are rendered once per language and key, then kept in memory. The language is the tag helper's
/// own vary-by-culture; these keys add the rest: the path base (a proxy may send the same site under /hellomvc and
/// without it), and the lesson. Nothing a client chooses freely (a query string, a cookie) is ever part of a key, so
/// junk URLs add no entry; the entries are bounded by the number of lessons × languages × path bases.
/// </summary>
public static class RenderOnce
{
    /// <summary>An entry nobody asks for in this long is dropped; a page asked for again renders it again.</summary>
    public static readonly TimeSpan Kept = TimeSpan.FromMinutes(30);

    /// <summary>For what every page carries (the header, the scripts): the path base, which every link starts with.</summary>
    public static string Everywhere(HttpContext context) => context.Request.PathBase.Value ?? "";

    /// <summary>For a lesson's Try it and its path: the path base and the lesson.</summary>
    public static string ForLesson(HttpContext context, Asked asked) =>
        string.Concat(context.Request.PathBase.Value, "|", asked.Lesson?.Demo.Path);

    /// <summary>
    /// False for a lesson with a task done from a terminal: its curl line names this request's scheme and host, and the
    /// host is the client's to send, so keeping one copy per host would let junk requests fill the cache.
    /// </summary>
    public static bool SameOnEveryHost(Asked asked) =>
        asked.Lesson is not { } lesson || !TaskCatalog.ForLesson(lesson).Any(task => task.Where.Place == TaskPlace.Terminal);

    /// <summary>For a lesson's breadcrumb: the path base and the lesson.</summary>
    public static string ForBreadcrumb(HttpContext context, PlacedDemo lesson) =>
        string.Concat(context.Request.PathBase.Value, "|", lesson.Demo.Path);
}
