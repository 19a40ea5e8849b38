using HelloMvc.Web.LookingInside.Catalog;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;

namespace HelloMvc.Web.TryIt.Tasks;

/// <summary>A section of the study note with the tasks its lessons ask for, in the index's order.</summary>
public sealed record TaskSection(Chapter Chapter, Section Section, IReadOnlyList<LessonTask> Tasks);

/// <summary>
/// Every task of the site, read from the demo catalogue, where each is declared beside its lesson
/// (<see cref="Demo.Tasks"/>): in the note's order, with each task's place (its chapter, and the note's section by its
/// title and its Chinese heading), and which tasks watch a given path.
/// </summary>
public static class TaskCatalog
{
    private static readonly IReadOnlyList<(PlacedDemo Lesson, LessonTask Task)> placed =
        LessonPath.Placed
            .SelectMany(lesson => lesson.Demo.ScriptSends.Prepend(lesson.Demo).SelectMany(demo => demo.Tasks).Select(task => (lesson, task)))
            .ToList();

    private static readonly Dictionary<string, (PlacedDemo Lesson, LessonTask Task)> byId = placed.ToDictionary(pair => pair.Task.Id, StringComparer.Ordinal);

    private static readonly IReadOnlyList<(TemplateMatcher Matcher, LessonTask Task)> watching =
        placed.SelectMany(pair => pair.Task.Watches.Select(template =>
                (new TemplateMatcher(TemplateParser.Parse(template.TrimStart('/')), new RouteValueDictionary()), pair.Task)))
            .ToList();

    /// <summary>Every task, in the note's order.</summary>
    public static IReadOnlyList<LessonTask> All { get; } = placed.Select(pair => pair.Task).ToList();

    /// <summary>The sections that have tasks, in the note's order, each with its tasks.</summary>
    public static IReadOnlyList<TaskSection> BySection { get; } =
        placed.GroupBy(pair => (pair.Lesson.Chapter, pair.Lesson.Section))
            .Select(group => new TaskSection(group.Key.Chapter, group.Key.Section, group.Select(pair => pair.Task).ToList()))
            .ToList();

    public static LessonTask? Find(string id) => byId.TryGetValue(id, out var pair) ? pair.Task : null;

    /// <summary>The task's lesson with its place: <c>.Section.Title</c> and <c>.Section.Note</c> name the note's section.</summary>
    public static PlacedDemo LessonOf(LessonTask task) => byId[task.Id].Lesson;

    /// <summary>
    /// The tasks a lesson page shows: those of its section of the note, and of any other section that has a lesson on
    /// the same page (/http/hooks is "Request hooks", and its teardown row is "Context hooks").
    /// </summary>
    public static IReadOnlyList<LessonTask> ForLesson(PlacedDemo lesson) =>
        BySection.Where(group => group.Section == lesson.Section
                                 || group.Section.Demos.Any(demo => demo.PathOnly == lesson.Demo.PathOnly))
            .SelectMany(group => group.Tasks)
            .ToList();

    /// <summary>The tasks that watch this path (the path base taken off), each with the route values its template took.</summary>
    public static IReadOnlyList<(LessonTask Task, RouteValueDictionary Values)> Watching(PathString path)
    {
        // A learner's request to a path no task watches allocates one empty dictionary, and nothing else.
        List<(LessonTask, RouteValueDictionary)>? found = null;
        var values = new RouteValueDictionary();
        foreach (var (matcher, task) in watching)
        {
            if (matcher.TryMatch(path, values) && found?.Exists(pair => ReferenceEquals(pair.Item1, task)) != true)
            {
                (found ??= []).Add((task, values));
                values = new RouteValueDictionary();
            }
            else
            {
                values.Clear();
            }
        }
        return found ?? [];
    }
}
