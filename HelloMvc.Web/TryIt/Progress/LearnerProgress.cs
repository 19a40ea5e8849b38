namespace HelloMvc.Web.TryIt.Progress;

/// <summary>One learner's record, by task id: the tasks solved (with their evidence) and each unsolved task's latest near miss.</summary>
public sealed record LearnerProgress(IReadOnlyDictionary<string, TaskEvidence> Solved, IReadOnlyDictionary<string, NearMiss> NearMisses)
{
    /// <summary>A learner the store knows nothing of.</summary>
    public static LearnerProgress Empty { get; } = new(new Dictionary<string, TaskEvidence>(), new Dictionary<string, NearMiss>());
}
