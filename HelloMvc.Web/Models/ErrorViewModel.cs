using HelloMvc.Web.LookingInside.Catalog;

namespace HelloMvc.Web.Models;

/// <summary>
/// The one error page: the status, its reason phrase, the request id a 500 shows so the log can be searched, and, when
/// the error is a demo's, why it happened in the lesson's words and the URL the same route accepts instead.
/// </summary>
public sealed record ErrorViewModel(int StatusCode, string ReasonPhrase, string RequestId)
{
    public bool IsServerError => StatusCode >= 500;

    /// <summary>What the learner asked for, and the lesson it belongs to; null when the error page was opened directly.</summary>
    public Asked? Asked { get; init; }

    /// <summary>A demo the same route answers with 200: the next thing to try.</summary>
    public Demo? Instead { get; init; }

    /// <summary>The lesson's own words for this error, when the lesson's demo answers with this very status.</summary>
    public string? Why => Asked?.Lesson?.Demo is { } demo && demo.Status == StatusCode ? demo.Explains : null;
}
