namespace HelloMvc.Web.Exchange;

/// <summary>
/// One GET sent to the site and its answer, each as the text of its HTTP/1.1 message. <see cref="Response"/> is
/// null when no answer came in time; <see cref="Note"/> says what the texts cannot (a cut body, an exception, a time-out).
/// </summary>
public sealed record RecordedExchange(string Target, string Request, string? Response, int? StatusCode, string? Location, string? Note)
{
    public bool TimedOut => Response is null;
}

public sealed class ExchangeOptions
{
    /// <summary>How long the site's answer may take before the viewer gives up on it (and aborts it).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How much of a body the viewer shows: a page's worth, not a download.</summary>
    public int BodyLimit { get; set; } = 16 * 1024;
}
