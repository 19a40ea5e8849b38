using HelloMvc.Web.LookingInside.Exchange;
using HelloMvc.Web.TryIt.Tasks;

namespace HelloMvc.Web.LookingInside.Catalog;

/// <summary>One demo on the index: the URL a learner opens, what it teaches, and the status it answers with.</summary>
public sealed record Demo(string Path, string Explains, int Status = StatusCodes.Status200OK)
{
    /// <summary>The method of the request; only a script sends anything but GET.</summary>
    public string Method { get; init; } = HttpMethods.Get;

    /// <summary>The code the demo is about besides its action and view (a filter, a helper, a script), shown with them.</summary>
    public IReadOnlyList<SourcePiece> Source { get; init; } = [];

    /// <summary>Requests the page's own script sends that no link can (a DELETE): demos with code of their own.</summary>
    public IReadOnlyList<Demo> ScriptSends { get; init; } = [];

    /// <summary>What the lesson asks the learner to make happen (Try it), checked by the server; each takes this demo's
    /// path as its lesson.</summary>
    public IReadOnlyList<LessonTask> Tasks
    {
        get => _tasks;
        init => _tasks = [.. value.Select(task => task with { Lesson = PathOnly })];
    }

    private readonly IReadOnlyList<LessonTask> _tasks = [];

    /// <summary>
    /// The path without its query string or fragment: what names the demo on /source. A fragment (/http/hooks#teardown)
    /// points at one part of a page; the browser keeps it and never sends it.
    /// </summary>
    public string PathOnly => Path.Split(['?', '#'], 2)[0];

    /// <summary>A status other than 200 (an error, a redirect, a 201) is the point of the demo; the index says so.</summary>
    public bool StatusIsThePoint => Status != StatusCodes.Status200OK;

    /// <summary>The demo answers text, XML, JSON or a partial view: no page of the site around it.</summary>
    public bool RawAnswer { get; init; }

    /// <summary>What a browser shows of it is not a lesson page (a raw answer, a 201, or a redirect it follows), so the
    /// index links its exchange first, and the path from lesson to lesson steps over it.</summary>
    public bool OpensRaw => RawAnswer || Status is StatusCodes.Status201Created or (>= 300 and < 400);

    /// <summary>Every GET demo can be seen as a raw exchange, but the viewer's own pages.</summary>
    public bool HasExchange => Method == HttpMethods.Get && !ExchangePaths.IsTheViewer(PathOnly);
}
