using System.Text.RegularExpressions;

namespace HelloMvc.Web.LookingInside.Catalog;

/// <summary>
/// The path a learner walks: every demo of the index in its order, each with its chapter and section, and the pages
/// among them (those that render the site's layout) linked previous and next. A demo a browser does not show as a page
/// (a raw answer, a 201, a redirect it follows) is stepped over, and the page before it links its exchange instead.
/// </summary>
public static class LessonPath
{
    /// <summary>Every demo on the index, in its order, with its place.</summary>
    public static IReadOnlyList<PlacedDemo> Placed => all;

    private static readonly List<PlacedDemo> all =
        DemoCatalog.Chapters
            .SelectMany(chapter => chapter.Sections.SelectMany(section => section.Demos.Select(demo => new PlacedDemo(chapter, section, demo))))
            .ToList();

    /// <summary>The lessons a browser shows as pages of the site: the rel="prev"/rel="next" chain, in the index's order.</summary>
    public static IReadOnlyList<PlacedDemo> Pages => pages;

    // A demo of one row of a page (/http/hooks#teardown) is the same page as its own lesson: the path passes it once.
    private static readonly List<PlacedDemo> pages =
        all.Where(lesson => lesson.Demo is { OpensRaw: false, Method: "GET" })
            .DistinctBy(lesson => lesson.Demo.Path.Split('#')[0])
            .ToList();

    public static PlacedDemo? Previous(PlacedDemo lesson) => pages.IndexOf(lesson) is > 0 and var at ? pages[at - 1] : null;

    public static PlacedDemo? Next(PlacedDemo lesson) => pages.IndexOf(lesson) is >= 0 and var at && at + 1 < pages.Count ? pages[at + 1] : null;

    /// <summary>The demos the path steps over between this page and the next: raw answers, seen through their exchange.</summary>
    public static IReadOnlyList<PlacedDemo> SteppedOverAfter(PlacedDemo lesson)
    {
        var from = all.IndexOf(lesson);
        if (from < 0 || !pages.Contains(lesson)) return [];
        return all.Skip(from + 1).TakeWhile(next => !pages.Contains(next)).Where(next => next.Demo.HasExchange).ToList();
    }

    /// <summary>A section's anchor on the index, such as chapter-2-the-request.</summary>
    public static string Anchor(Chapter chapter, Section section) =>
        chapter.Id + "-" + Regex.Replace(section.Title.ToLowerInvariant(), "[^a-z0-9]+", "-").Trim('-');
}
