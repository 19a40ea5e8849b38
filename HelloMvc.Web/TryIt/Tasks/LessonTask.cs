using Microsoft.Extensions.Localization;

namespace HelloMvc.Web.TryIt.Tasks;

/// <summary>
/// One thing a lesson asks the learner to make happen, and the server's check that it did: the paths the task watches
/// (route templates, matched without constraints), which requests to them are tries at it, and which of those solve it.
/// A try that does not solve it is kept as a near miss, explained in the lesson's words: what came back
/// (<see cref="Explains"/>, else the status's reason phrase), then what the task wants (<see cref="Wants"/>).
/// </summary>
/// <param name="Id">A stable id (methods-405): what progress, the page's script and a class's grid key on.</param>
/// <param name="Sentence">What to make happen, in one sentence.</param>
/// <param name="Hint">How, for a learner who unfolds it.</param>
/// <param name="Where">Where to do it: this browser, the exchange viewer, or a terminal.</param>
public sealed record LessonTask(string Id, string Sentence, string Hint, TaskWhere Where)
{
    /// <summary>The lesson's path (/http/methods): the demo of the catalogue that declares the task sets it.</summary>
    public string Lesson { get; init; } = "";

    /// <summary>The route templates of the requests the task looks at (/http/goback/{year}); no other request is checked.</summary>
    public required IReadOnlyList<string> Watches { get; init; }

    /// <summary>Which requests to those paths try the task (every one unless said); only a try is kept as a near miss.</summary>
    public Func<SeenExchange, bool> Tries { get; init; } = _ => true;

    /// <summary>The predicate: this try solves the task.</summary>
    public required Func<SeenExchange, bool> Solves { get; init; }

    /// <summary>What the task wants, as a near miss ends: "405: a method the route does not allow".</summary>
    public required string Wants { get; init; }

    /// <summary>Why a try came back as it did, in the lesson's words ("no antiforgery token"); null for the reason phrase.</summary>
    public Func<SeenExchange, Explanation?> Explains { get; init; } = _ => null;

    /// <summary>The near miss's reason: what came back, then what the task wants, in the words of the catalogue's
    /// localizer (the learner's language; the reason phrase stays HTTP's).</summary>
    public string WhyNot(SeenExchange seen, IStringLocalizer words) =>
        words["{0}. The task wants {1}.",
            Explains(seen) is { } explains ? words[explains.Sentence, explains.Values!].Value : seen.Reason, words[Wants].Value];
}
