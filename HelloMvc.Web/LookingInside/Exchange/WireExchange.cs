namespace HelloMvc.Web.LookingInside.Exchange;

/// <summary>
/// One GET sent to the site over a socket and what came back, each as the text of its HTTP/1.1 message.
/// <see cref="Response"/> is null when nothing came back; <see cref="Note"/> says what the texts cannot (a cut body,
/// a closed connection, a time-out, no socket to send on). <see cref="ViewerStatus"/> is the viewer's own answer:
/// 200, or 502, 503 or 504 when the site could not be asked.
/// </summary>
public sealed record WireExchange(
    string Target, string? Request, string? Response, int? StatusCode, string? Location, string? Note,
    int ViewerStatus = StatusCodes.Status200OK);

public sealed class ExchangeOptions
{
    /// <summary>How long the site's answer may take before the viewer gives up on it (and closes the connection).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How much of a body the viewer shows: a page's worth, not a download.</summary>
    public int BodyLimit { get; set; } = 16 * 1024;
}
