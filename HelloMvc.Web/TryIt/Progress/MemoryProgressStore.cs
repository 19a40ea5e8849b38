using Microsoft.Extensions.Options;

namespace HelloMvc.Web.TryIt.Progress;

/// <summary>
/// Progress in this instance's memory, for a site without Redis: at most <see cref="ProgressStoreOptions.MaxLearners"/>
/// learners (the least recently used goes first when a new one comes), each with at most one entry per task, each
/// record gone <see cref="ProgressStoreOptions.Lifetime"/> after its last write. A restart forgets it all.
/// </summary>
public sealed class MemoryProgressStore(IOptions<ProgressStoreOptions> options, TimeProvider clock) : IProgressStore
{
    private sealed class Learner(string id)
    {
        public string Id { get; } = id;
        public Dictionary<string, ProgressEntry> Entries { get; } = new(StringComparer.Ordinal);
        public DateTimeOffset LastWrite { get; set; }
    }

    private readonly Lock _lock = new();
    private readonly Dictionary<string, LinkedListNode<Learner>> _learners = new(StringComparer.Ordinal);
    // Most recently used first: the last node is the one to forget.
    private readonly LinkedList<Learner> _recency = new();

    /// <summary>How many learners the store holds now: what a flood of junk must not grow.</summary>
    public int Count
    {
        get { lock (_lock) return _learners.Count; }
    }

    public Task<LearnerProgress> GetAsync(string learnerId, CancellationToken ct)
    {
        lock (_lock)
        {
            return Task.FromResult(Find(learnerId) is { } learner ? ProgressEntry.Collect(learner.Entries) : LearnerProgress.Empty);
        }
    }

    public Task RecordSolveAsync(string learnerId, string taskId, TaskEvidence evidence, CancellationToken ct) =>
        Write(learnerId, taskId, new ProgressEntry(evidence, null));

    public Task RecordNearMissAsync(string learnerId, string taskId, NearMiss nearMiss, CancellationToken ct) =>
        Write(learnerId, taskId, new ProgressEntry(null, nearMiss));

    public Task ResetAsync(string learnerId, CancellationToken ct)
    {
        lock (_lock)
        {
            if (_learners.Remove(learnerId, out var node)) _recency.Remove(node);
        }
        return Task.CompletedTask;
    }

    private Task Write(string learnerId, string taskId, ProgressEntry entry)
    {
        lock (_lock)
        {
            var learner = Find(learnerId) ?? Add(learnerId);
            if (!learner.Entries.TryGetValue(taskId, out var old) || old.Replaceable)
            {
                learner.Entries[taskId] = entry;
                learner.LastWrite = clock.GetUtcNow();
            }
        }
        return Task.CompletedTask;
    }

    // A hit moves the learner to the front; an expired record is forgotten as it is found.
    private Learner? Find(string learnerId)
    {
        if (!_learners.TryGetValue(learnerId, out var node)) return null;
        if (clock.GetUtcNow() - node.Value.LastWrite > options.Value.Lifetime)
        {
            _learners.Remove(learnerId);
            _recency.Remove(node);
            return null;
        }
        _recency.Remove(node);
        _recency.AddFirst(node);
        return node.Value;
    }

    private Learner Add(string learnerId)
    {
        while (_learners.Count >= Math.Max(1, options.Value.MaxLearners) && _recency.Last is { } oldest)
        {
            _learners.Remove(oldest.Value.Id);
            _recency.RemoveLast();
        }
        var node = _recency.AddFirst(new Learner(learnerId));
        _learners[learnerId] = node;
        return node.Value;
    }
}
