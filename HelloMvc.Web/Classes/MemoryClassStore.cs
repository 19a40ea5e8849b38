using Microsoft.Extensions.Options;

namespace HelloMvc.Web.Classes;

/// <summary>
/// Classes in this process's memory, for the embedded site: at most <see cref="ClassOptions.MaxOpenClasses"/> of them,
/// each with at most <see cref="ClassOptions.MaxStudents"/>, and each gone once unused for its idle lifetime (by the
/// site's clock, so a test can move it). One lock guards it all: every operation is a few dictionary steps.
/// </summary>
public sealed class MemoryClassStore(IOptions<ClassOptions> options, TimeProvider clock) : IClassStore
{
    private readonly ClassOptions _limits = options.Value;
    private readonly Lock _gate = new();
    private readonly Dictionary<JoinCode, OpenClass> _classes = [];
    private readonly Dictionary<string, JoinCode> _memberships = new(StringComparer.Ordinal);

    /// <summary>Classes open now (the expired ones dropped first).</summary>
    public int Count
    {
        get
        {
            lock (_gate) return DropExpired();
        }
    }

    public Task<JoinCode?> StartAsync(string title, byte[] keyHash, CancellationToken cancellation)
    {
        lock (_gate)
        {
            if (DropExpired() >= _limits.MaxOpenClasses) return Task.FromResult<JoinCode?>(null);
            var code = JoinCode.New();
            while (_classes.ContainsKey(code)) code = JoinCode.New();
            var now = clock.GetUtcNow();
            _classes[code] = new OpenClass(code, title, keyHash, now) { Used = now };
            return Task.FromResult<JoinCode?>(code);
        }
    }

    public Task<ClassRoster?> GetAsync(JoinCode code, CancellationToken cancellation)
    {
        lock (_gate) return Task.FromResult(Used(code)?.Roster());
    }

    public Task<JoinOutcome> JoinAsync(JoinCode code, string learnerId, string name, CancellationToken cancellation)
    {
        lock (_gate)
        {
            if (Used(code) is not { } open) return Task.FromResult(JoinOutcome.UnknownClass);
            if (open.Students.FindIndex(student => student.LearnerId == learnerId) is var index and >= 0)
            {
                open.Students[index] = open.Students[index] with { Name = name };
                return Task.FromResult(JoinOutcome.Joined);
            }
            if (open.Students.Count >= _limits.MaxStudents) return Task.FromResult(JoinOutcome.ClassFull);
            Leave(learnerId);
            open.Students.Add(new Student(++open.LastNumber, learnerId, name, clock.GetUtcNow()));
            _memberships[learnerId] = code;
            return Task.FromResult(JoinOutcome.Joined);
        }
    }

    public Task<Membership?> MembershipAsync(string learnerId, CancellationToken cancellation)
    {
        lock (_gate)
        {
            var open = _memberships.TryGetValue(learnerId, out var code) ? Live(code) : null;
            var student = open?.Students.Find(student => student.LearnerId == learnerId);
            return Task.FromResult(student is null ? null : new Membership(code, open!.Title, student.Name));
        }
    }

    public Task LeaveAsync(string learnerId, CancellationToken cancellation)
    {
        lock (_gate) Leave(learnerId);
        return Task.CompletedTask;
    }

    public Task<bool> RemoveAsync(JoinCode code, int number, CancellationToken cancellation)
    {
        lock (_gate)
        {
            var student = Used(code)?.Students.Find(student => student.Number == number);
            if (student is not null) Leave(student.LearnerId);
            return Task.FromResult(student is not null);
        }
    }

    public Task CloseAsync(JoinCode code, CancellationToken cancellation)
    {
        lock (_gate) Close(code);
        return Task.CompletedTask;
    }

    private void Leave(string learnerId)
    {
        if (_memberships.Remove(learnerId, out var code) && _classes.TryGetValue(code, out var open))
        {
            open.Students.RemoveAll(student => student.LearnerId == learnerId);
        }
    }

    private void Close(JoinCode code)
    {
        if (!_classes.Remove(code, out var open)) return;
        foreach (var student in open.Students) _memberships.Remove(student.LearnerId);
    }

    // The class, if it is open and not expired; using it starts its idle lifetime again.
    private OpenClass? Used(JoinCode code)
    {
        var open = Live(code);
        if (open is not null) open.Used = clock.GetUtcNow();
        return open;
    }

    private OpenClass? Live(JoinCode code)
    {
        if (!_classes.TryGetValue(code, out var open)) return null;
        if (open.Used + _limits.IdleLifetime > clock.GetUtcNow()) return open;
        Close(code);
        return null;
    }

    // Drops every expired class and answers how many are left.
    private int DropExpired()
    {
        foreach (var code in _classes.Keys.ToList()) Live(code);
        return _classes.Count;
    }

    private sealed class OpenClass(JoinCode code, string title, byte[] keyHash, DateTimeOffset started)
    {
        public string Title => title;
        public DateTimeOffset Used { get; set; }
        public int LastNumber { get; set; }
        public List<Student> Students { get; } = [];

        public ClassRoster Roster() => new(code, title, keyHash, started, [.. Students]);
    }
}
