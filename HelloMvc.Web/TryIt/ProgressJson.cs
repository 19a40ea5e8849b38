using HelloMvc.Web.TryIt.Progress;
using HelloMvc.Web.TryIt.Tasks;

namespace HelloMvc.Web.TryIt;

/// <summary>
/// /progress as JSON: <c>{"solved":[{"task","lesson","request","status","at"}],"nearMisses":[{"task","request","status","why"}],
/// "solvedCount":n,"total":n}</c>, each list in the note's order.
/// </summary>
public sealed record ProgressJson(IReadOnlyList<ProgressJson.Solve> Solved, IReadOnlyList<ProgressJson.Miss> NearMisses, int SolvedCount, int Total)
{
    public sealed record Solve(string Task, string Lesson, string Request, int Status, DateTime At);

    public sealed record Miss(string Task, string Request, int Status, string Why);

    public static ProgressJson Of(LearnerProgress progress)
    {
        List<Solve> solved = [.. TaskCatalog.All.Where(task => progress.Solved.ContainsKey(task.Id)).Select(task => SolveOf(task, progress.Solved[task.Id]))];
        List<Miss> nearMisses = [.. TaskCatalog.All.Where(task => progress.NearMisses.ContainsKey(task.Id)).Select(task => MissOf(task, progress.NearMisses[task.Id]))];
        return new ProgressJson(solved, nearMisses, solved.Count, TaskCatalog.All.Count);
    }

    private static Solve SolveOf(LessonTask task, TaskEvidence evidence) =>
        new(task.Id, task.Lesson, evidence.Request, evidence.Status, evidence.At.UtcDateTime);

    private static Miss MissOf(LessonTask task, NearMiss miss) => new(task.Id, miss.Request, miss.Status, miss.Why);
}
