namespace HelloMvc.Web.TryIt.Progress;

/// <summary>
/// Where the learners' solves and near misses live: in this instance's memory, bounded, or in Redis when the site has
/// it, so every instance sees every solve. A learner holds at most one entry per task: a solve, which stays (the first
/// evidence is kept), or else the latest near miss. Nothing else is ever written.
/// </summary>
public interface IProgressStore
{
    /// <summary>The learner's record; an unknown learner has an empty one (and reading it writes nothing).</summary>
    Task<LearnerProgress> GetAsync(string learnerId, CancellationToken ct);

    /// <summary>Marks the task solved with this evidence, unless it already was.</summary>
    Task RecordSolveAsync(string learnerId, string taskId, TaskEvidence evidence, CancellationToken ct);

    /// <summary>Keeps this as the task's latest near miss, unless the task is solved.</summary>
    Task RecordNearMissAsync(string learnerId, string taskId, NearMiss nearMiss, CancellationToken ct);

    /// <summary>Forgets everything about the learner.</summary>
    Task ResetAsync(string learnerId, CancellationToken ct);
}
