using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;

namespace HelloMvc.Web.LookingInside.Journeys;

/// <summary>
/// The journeys the viewer is waiting for: the viewer opens one before it sends a request, marks the request with its
/// id, and closes it once the page has what it needs. A request recorded is one whose mark names an open journey, so a
/// client that sends a made-up mark records nothing; at most <see cref="MaxOpen"/> are open at once.
/// </summary>
public sealed class JourneyStore
{
    /// <summary>The header that carries a journey's id: added by the viewer, so the site knows which request to record.</summary>
    public const string MarkHeader = "Exchange-Journey";

    private const int MaxOpen = 64;

    /// <summary>The journey of the request this code runs for, if the viewer sent it; null for every other request.</summary>
    internal static readonly AsyncLocal<Journey?> Current = new();

    private readonly ConcurrentDictionary<string, Journey> _open = new(StringComparer.Ordinal);

    /// <summary>A new journey and its mark, or null when too many are open (the exchange is shown without one).</summary>
    public Journey? Open()
    {
        if (_open.Count >= MaxOpen)
        {
            return null;
        }
        var journey = new Journey(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
        _open[journey.Id] = journey;
        return journey;
    }

    public void Close(Journey journey) => _open.TryRemove(journey.Id, out _);

    /// <summary>The journey this request's mark names, claimed for it (a replayed mark finds it taken).</summary>
    internal Journey? Claim(HttpContext context) =>
        context.Request.Headers[MarkHeader] is [{ } id] && _open.TryGetValue(id, out var journey) && journey.Claim(context)
            ? journey
            : null;
}

/// <summary>What the framework reported for one request, in order, with the time of each report.</summary>
public sealed class Journey(string id)
{
    private const int MaxEvents = 400;

    private readonly List<(long At, string Name, string? Subject)> _events = [];
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private HttpContext? _context;
    private long _started;
    private int _dropped;

    public string Id { get; } = id;

    /// <summary>Set once the request has been through the whole pipeline.</summary>
    public Task Ended => _ended.Task;

    public int Dropped => _dropped;

    internal bool Claim(HttpContext context)
    {
        if (Interlocked.CompareExchange(ref _context, context, null) is not null)
        {
            return false;
        }
        // The hosting layer's activity began when Kestrel handed the request over: the journey's zero.
        var now = Stopwatch.GetTimestamp();
        _started = Activity.Current is { OperationName: JourneyRecorder.RequestActivity } activity
            ? now - (long)((DateTime.UtcNow - activity.StartTimeUtc).TotalSeconds * Stopwatch.Frequency)
            : now;
        Add(_started, JourneyRecorder.RequestActivity + ".Start", null);
        return true;
    }

    internal bool IsFor(HttpContext? context) => context is not null && ReferenceEquals(context, _context);

    internal void Add(long at, string name, string? subject)
    {
        lock (_events)
        {
            if (_events.Count < MaxEvents) _events.Add((at, name, subject));
            else _dropped++;
        }
    }

    internal void End()
    {
        Add(Stopwatch.GetTimestamp(), JourneyRecorder.RequestActivity + ".Stop", null);
        _ended.TrySetResult();
    }

    /// <summary>The events as a tree: each Before…/After… pair one step, what ran inside it its children.</summary>
    public IReadOnlyList<JourneyStep> Steps()
    {
        (long At, string Name, string? Subject)[] events;
        lock (_events) events = [.. _events];
        var root = new List<JourneyStep>();
        var open = new Stack<(string After, JourneyStep Step)>();
        foreach (var (at, name, subject) in events)
        {
            var ms = Stopwatch.GetElapsedTime(_started, at).TotalMilliseconds;
            var (kind, what) = JourneyRecorder.Describe(name);
            if (kind == StepKind.After)
            {
                // Close the step this After… ends (and any left open inside it, which a throw may leave).
                while (open.TryPop(out var top))
                {
                    if (top.After == name)
                    {
                        top.Step.Took = ms - top.Step.At;
                        break;
                    }
                }
                continue;
            }
            var step = new JourneyStep(ms, what, subject);
            (open.TryPeek(out var parent) ? parent.Step.Children : root).Add(step);
            if (kind == StepKind.Before)
            {
                open.Push((JourneyRecorder.AfterOf(name), step));
            }
        }
        return root;
    }
}

public enum StepKind { Point, Before, After }

/// <summary>One thing the framework did: when (ms after the request came in), what, to what, how long, and what ran inside.</summary>
public sealed class JourneyStep(double at, string what, string? subject)
{
    public double At { get; } = at;
    public string What { get; } = what;
    public string? Subject { get; } = subject;
    public double? Took { get; set; }
    public List<JourneyStep> Children { get; } = [];
}
