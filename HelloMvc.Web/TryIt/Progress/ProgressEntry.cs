namespace HelloMvc.Web.TryIt.Progress;

/// <summary>The one entry a learner holds for a task: its solve, or else its latest near miss.</summary>
internal sealed record ProgressEntry(TaskEvidence? Solve, NearMiss? NearMiss)
{
    /// <summary>A solve stays; a near miss is replaced by the next near miss or by a solve.</summary>
    public bool Replaceable => Solve is null;

    public static LearnerProgress Collect(IEnumerable<KeyValuePair<string, ProgressEntry>> entries)
    {
        var solved = new Dictionary<string, TaskEvidence>(StringComparer.Ordinal);
        var nearMisses = new Dictionary<string, NearMiss>(StringComparer.Ordinal);
        foreach (var (task, entry) in entries)
        {
            if (entry.Solve is { } solve) solved[task] = solve;
            else if (entry.NearMiss is { } nearMiss) nearMisses[task] = nearMiss;
        }
        return new LearnerProgress(solved, nearMisses);
    }
}
