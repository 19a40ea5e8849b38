using HelloMvc.Web.LookingInside.Journeys;

namespace HelloMvc.Web.LookingInside.Exchange;

/// <summary>
/// One request sent to the site over a socket and what came back, each as the text of its HTTP/1.1 message.
/// <see cref="Response"/> is null when nothing came back; <see cref="Note"/> says what the texts cannot (a cut body,
/// a closed connection, a time-out, no socket to send on). <see cref="ViewerStatus"/> is the viewer's own answer:
/// 200, or 502, 503 or 504 when the site could not be asked. <see cref="Journey"/> is what the framework did with it.
/// </summary>
public sealed record ExchangeRecord(
    string Method, string Target, string? Request, string? Response, int? StatusCode, string? Location, string? Note,
    int ViewerStatus = StatusCodes.Status200OK)
{
    /// <summary>What this exchange is in the page's story: "The page", "Hop 2".</summary>
    public string? Label { get; init; }

    /// <summary>The body as text (what the viewer shows of it), for the form the page may hold.</summary>
    public string? Body { get; init; }

    public IReadOnlyList<string> SetCookies { get; init; } = [];

    /// <summary>The framework's steps for this request, or null when none were recorded.</summary>
    public IReadOnlyList<JourneyStep>? Journey { get; init; }

    /// <summary>What the journey could not show (its end did not come in time, too many steps).</summary>
    public string? JourneyNote { get; init; }
}

/// <summary>A request the viewer is about to send: its method, local path and query, the learner's headers, a body and its type.</summary>
public sealed record ExchangeMessage(
    string Method, string Path, IReadOnlyList<KeyValuePair<string, string>> Headers, string? Body = null, string? Type = null);

/// <summary>The viewer's page: what was asked, every exchange it took, in order, and what the page must say about them.</summary>
public sealed record ExchangePage(string Path, ExchangeRequest Asked, IReadOnlyList<ExchangeRecord> Exchanges, IReadOnlyList<string> Notes)
{
    public int ViewerStatus => Exchanges.Count == 0 ? StatusCodes.Status200OK : Exchanges[^1].ViewerStatus;
}

public sealed class ExchangeOptions
{
    /// <summary>How long the site's answer may take before the viewer gives up on it (and closes the connection).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How much of a body the viewer shows: a page's worth, not a download.</summary>
    public int BodyLimit { get; set; } = 16 * 1024;
}
