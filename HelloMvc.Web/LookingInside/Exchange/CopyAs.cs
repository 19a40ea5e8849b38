using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using HelloMvc.Web.LookingInside.Journeys;
using Microsoft.Net.Http.Headers;

namespace HelloMvc.Web.LookingInside.Exchange;

/// <summary>
/// An exchange's request as a line to paste elsewhere: a curl command for a terminal (-X, -H, --data-raw, and -b for
/// the cookies it sent) and a JavaScript fetch for a browser's console. Both are read from the request exactly as it
/// went over the wire, so either sends the same request again (with fetch, the browser adds its own cookies).
/// </summary>
public static class CopyAs
{
    // The viewer's own headers, or the connection's: curl and fetch write these themselves, or must not send them.
    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase)
    {
        HeaderNames.Host, HeaderNames.ContentLength, HeaderNames.TransferEncoding, HeaderNames.Connection,
        HeaderNames.Via, JourneyStore.MarkHeader,
    };

    // A browser sends these itself and a script may not set them (the Fetch standard's forbidden request headers).
    private static readonly HashSet<string> BrowserOwned = new(StringComparer.OrdinalIgnoreCase)
    {
        HeaderNames.Cookie, HeaderNames.UserAgent, HeaderNames.AcceptEncoding, HeaderNames.Referer, HeaderNames.Origin,
    };

    /// <summary>The curl command that sends this exchange's request again, every argument single-quoted for a POSIX shell.</summary>
    public static string? Curl(ExchangeRecord exchange, HttpRequest learner)
    {
        if (Parse(exchange.Request, learner) is not { } sent) return null;
        var line = new StringBuilder("curl -i");
        // curl would read [ ] { } in a URL as its own globbing.
        if (sent.Url.AsSpan().IndexOfAny("[]{}") >= 0) line.Append(" --globoff");
        // The method is one the viewer sends (a token: nothing to quote). A HEAD with -X would wait for a body that never comes; --head sends HEAD and reads none.
        line.Append(HttpMethods.IsHead(sent.Method) ? " --head" : $" -X {sent.Method}");
        line.Append(' ').Append(Quote(sent.Url));
        foreach (var (name, value) in sent.Headers)
        {
            line.Append(name.Equals(HeaderNames.Cookie, StringComparison.OrdinalIgnoreCase) ? " -b " : " -H ")
                .Append(Quote(name.Equals(HeaderNames.Cookie, StringComparison.OrdinalIgnoreCase) ? value : $"{name}: {value}"));
        }
        if (sent.Body is not null) line.Append(" --data-raw ").Append(Quote(sent.Body));
        return line.ToString();
    }

    /// <summary>The fetch call that sends this exchange's request again from a browser's console on this site.</summary>
    public static string? Fetch(ExchangeRecord exchange, HttpRequest learner)
    {
        if (Parse(exchange.Request, learner) is not { } sent) return null;
        var headers = sent.Headers.Where(header => !BrowserOwned.Contains(header.Key))
            .GroupBy(header => header.Key, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key, group => string.Join(", ", group.Select(header => header.Value)));
        var options = new Dictionary<string, object> { ["method"] = sent.Method };
        if (headers.Count > 0) options["headers"] = headers;
        if (sent.Body is not null) options["body"] = sent.Body;
        options["credentials"] = "include";
        return $"fetch({JsonSerializer.Serialize(sent.Url, Script)}, {JsonSerializer.Serialize(options, Script)})" +
               ".then(response => console.log(response.status, response.statusText))";
    }

    /// <summary>A POSIX shell's single quotes: everything inside is literal, and a quote itself is closed, escaped, reopened.</summary>
    public static string Quote(string value) => "'" + value.Replace("'", @"'\''") + "'";

    // Readable in a console: quotes and control characters escaped, the rest as it is (the page encodes it for HTML).
    private static readonly JsonSerializerOptions Script = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private sealed record Sent(string Method, string Url, IReadOnlyList<KeyValuePair<string, string>> Headers, string? Body);

    // The viewer's text of the request: a request line, header lines, an empty line, then the body (if any).
    private static Sent? Parse(string? request, HttpRequest learner)
    {
        if (string.IsNullOrEmpty(request)) return null;
        var (head, body) = request.IndexOf("\n\n", StringComparison.Ordinal) is var end and >= 0
            ? (request[..end], request[(end + 2)..])
            : (request, null);
        var lines = head.Split('\n');
        var requestLine = lines[0].Split(' ');
        if (requestLine.Length < 2) return null;
        var headers = lines.Skip(1).Select(line => line.Split(':', 2)).Where(pair => pair.Length == 2)
            .Select(pair => KeyValuePair.Create(pair[0].Trim(), pair[1].Trim())).ToList();
        var host = headers.FirstOrDefault(header => header.Key.Equals(HeaderNames.Host, StringComparison.OrdinalIgnoreCase)).Value
                   ?? learner.Host.ToUriComponent();
        return new Sent(requestLine[0], $"{learner.Scheme}://{host}{requestLine[1]}",
            headers.Where(header => !Dropped.Contains(header.Key)).ToList(), string.IsNullOrEmpty(body) ? null : body);
    }
}
