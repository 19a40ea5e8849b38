using HelloMvc.Web.TryIt.Progress;
using HelloMvc.Web.TryIt.Tasks;

namespace HelloMvc.Web.TryIt;

/// <summary>What /progress shows: every task by the note's sections, this learner's record, and its cookie for curl.</summary>
public sealed record ProgressPage(LearnerProgress Progress, string CurlArgument)
{
    public IReadOnlyList<TaskSection> Sections => TaskCatalog.BySection;

    public int SolvedCount => TaskCatalog.All.Count(task => Progress.Solved.ContainsKey(task.Id));

    public int Total => TaskCatalog.All.Count;
}
