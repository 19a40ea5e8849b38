namespace HelloMvc.Web.TryIt.Progress;

/// <summary>How much progress the site keeps, and for how long (configuration section <c>TryIt</c>).</summary>
public sealed class ProgressStoreOptions
{
    /// <summary>Embedded, the most learners kept in memory; past it, the least recently used learner goes first.</summary>
    public int MaxLearners { get; set; } = 5_000;

    /// <summary>A learner's record expires this long after its last write.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromDays(30);
}
