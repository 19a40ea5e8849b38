using System.Text;

namespace HelloMvc.Tests.Fuzz;

/// <summary>
/// One generated request, kept as plain data so a failure can print exactly what was sent. On the wire its text is
/// written as UTF-8, or byte for byte as Latin-1 (so a character such as é becomes a lone byte that is not UTF-8).
/// </summary>
public sealed record FuzzRequest(
    string Method, string Target, string Host, IReadOnlyList<KeyValuePair<string, string>> Headers,
    string? Body = null, string? BodyType = null, bool Latin1 = false)
{
    /// <summary>The path, percent-decoded, without the query.</summary>
    public string Path => Uri.UnescapeDataString(Target.Split('?')[0]);

    public bool IsHead => Method == "HEAD";

    public byte[] ToBytes()
    {
        var encoding = Latin1 ? Encoding.Latin1 : Encoding.UTF8;
        var body = Body is null ? null : encoding.GetBytes(Body);
        var head = new StringBuilder($"{Method} {Target} HTTP/1.1\r\nHost: {Host}\r\n");
        foreach (var (name, value) in Headers)
        {
            head.Append($"{name}: {value}\r\n");
        }
        if (body is not null)
        {
            head.Append($"Content-Type: {BodyType}\r\nContent-Length: {body.Length}\r\n");
        }
        return [.. encoding.GetBytes(head.Append("\r\n").ToString()), .. body ?? []];
    }

    /// <summary>The request as it goes on the wire (long values shortened, control characters shown), for the failure report.</summary>
    public override string ToString()
    {
        var text = new StringBuilder($"{Method} {Shorten(Target)} HTTP/1.1{(Latin1 ? "  (sent as Latin-1)" : "")}\n      Host: {Shorten(Host)}");
        foreach (var (name, value) in Headers)
        {
            text.Append($"\n      {name}: {Shorten(value)}");
        }
        if (Body is not null)
        {
            text.Append($"\n      Content-Type: {BodyType}\n      body: {Shorten(Body)}");
        }
        return text.ToString();
    }

    private static string Shorten(string value)
    {
        var visible = string.Concat(value.Select(c => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString()));
        return visible.Length <= 160 ? visible : $"{visible[..120]}…({value.Length} chars)";
    }
}
