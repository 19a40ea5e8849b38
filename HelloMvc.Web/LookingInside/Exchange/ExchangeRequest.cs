using System.Text;
using Microsoft.Net.Http.Headers;

using HelloMvc.Web.LookingInside.Journeys;

namespace HelloMvc.Web.LookingInside.Exchange;

/// <summary>
/// What the learner asked the viewer to send, checked: a method of the seven, at most ten headers the viewer does not
/// own, a body of at most 8 KB with its type, and whether to send the page's form and follow redirects. Made only by
/// <see cref="TryParse"/>, which says in plain words what it refused.
/// </summary>
public sealed record ExchangeRequest(
    string Method, IReadOnlyList<KeyValuePair<string, string>> Headers, string? Body, string? Type, bool Form, bool Follow)
{
    public const int MaxHeaders = 10;
    public const int MaxBodyBytes = 8 * 1024;

    public static readonly IReadOnlyList<string> Methods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

    /// <summary>What the viewer writes itself: where the request goes, its framing, and its own marks.</summary>
    public static readonly IReadOnlyList<string> OwnedHeaders =
        [HeaderNames.Host, HeaderNames.ContentLength, HeaderNames.TransferEncoding, HeaderNames.Connection, HeaderNames.Via, JourneyStore.MarkHeader];

    public static ExchangeRequest Default { get; } = new("GET", [], null, null, false, false);

    /// <summary>
    /// True when the request may change something on the site (a form, an unsafe method) with the learner's cookies:
    /// the viewer is a GET, so without a check a link on another site could make it post a form, token and all.
    /// </summary>
    public bool ChangesThings => Form || Method is not ("GET" or "HEAD" or "OPTIONS");

    public static bool TryParse(
        string? method, string[]? headers, string? body, string? type, string? form, string? follow,
        out ExchangeRequest request, out string refusal)
    {
        request = Default;
        refusal = "";
        method = string.IsNullOrEmpty(method) ? "GET" : method;
        if (!Methods.Contains(method, StringComparer.Ordinal))
        {
            refusal = $"The method “{Shown(method)}” is not one the viewer sends: {string.Join(", ", Methods)} " +
                      "(methods are case-sensitive).";
            return false;
        }
        var given = (headers ?? []).Where(line => !string.IsNullOrWhiteSpace(line)).ToList();
        if (given.Count > MaxHeaders)
        {
            refusal = $"{given.Count} headers were given; the viewer sends at most {MaxHeaders}.";
            return false;
        }
        var parsed = new List<KeyValuePair<string, string>>();
        foreach (var line in given)
        {
            if (ParseHeader(line, out var header) is { } problem)
            {
                refusal = problem;
                return false;
            }
            parsed.Add(header);
        }
        body = string.IsNullOrEmpty(body) ? null : body;
        if (body is not null && Encoding.UTF8.GetByteCount(body) is var bytes and > MaxBodyBytes)
        {
            refusal = $"The body is {bytes:N0} bytes; the viewer sends at most {MaxBodyBytes / 1024} KB.";
            return false;
        }
        type = string.IsNullOrWhiteSpace(type) ? null : type.Trim();
        if (type is not null && (HasControl(type) || !MediaTypeHeaderValue.TryParse(type, out _)))
        {
            refusal = $"The type “{Shown(type)}” is not a media type such as application/json.";
            return false;
        }
        if (!TryFlag(form, out var sendForm) || !TryFlag(follow, out var followRedirects))
        {
            refusal = "form and follow are 1 (on) or 0 (off).";
            return false;
        }
        request = new ExchangeRequest(method, parsed, body, type, sendForm, followRedirects);
        return true;
    }

    // "Name: value", as it goes on the wire: the name a token (RFC 9110, 5.1), the value without control characters.
    private static string? ParseHeader(string line, out KeyValuePair<string, string> header)
    {
        header = default;
        var colon = line.IndexOf(':');
        if (colon < 0)
        {
            return $"The header “{Shown(line)}” is not written as Name: value.";
        }
        var name = line[..colon].Trim(' ', '\t');
        var value = line[(colon + 1)..].Trim(' ', '\t');
        if (name.Length == 0 || !name.All(IsTokenChar))
        {
            return $"The header name “{Shown(name)}” is not a token: letters, digits and !#$%&'*+-.^_`|~ only.";
        }
        if (OwnedHeaders.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            return $"The viewer writes the {name} header itself; it cannot be given.";
        }
        if (HasControl(value))
        {
            return $"The value of {name} holds a control character, which no header value may carry.";
        }
        header = new(name, value);
        return null;
    }

    private static bool TryFlag(string? value, out bool on)
    {
        on = value is "1";
        return value is null or "" or "0" or "1";
    }

    private static bool IsTokenChar(char c) => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c);

    // A tab is whitespace inside a value; every other control character (C0, DEL, C1) is refused.
    private static bool HasControl(string value) => value.Any(c => char.IsControl(c) && c != '\t');

    /// <summary>The refused input as the page quotes it: short, its control characters visible.</summary>
    private static string Shown(string value)
    {
        var visible = string.Concat(value.Take(80).Select(c => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString()));
        return value.Length > 80 ? visible + "…" : visible;
    }
}
