using System.Text;

namespace HelloMvc.Tests.Fuzz;

/// <summary>One generated request, kept as plain data so a failure can print exactly what was sent.</summary>
public sealed record FuzzRequest(string Method, string PathAndQuery, IReadOnlyList<KeyValuePair<string, string>> Headers, string? Body = null, string? BodyType = null)
{
    public Uri Uri { get; } = new("http://localhost" + PathAndQuery);

    public HttpRequestMessage ToHttpRequestMessage()
    {
        var request = new HttpRequestMessage(new HttpMethod(Method), Uri);
        foreach (var (name, value) in Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        if (Body is not null)
        {
            request.Content = new StringContent(Body, Encoding.UTF8);
            request.Content.Headers.Remove("Content-Type");
            request.Content.Headers.TryAddWithoutValidation("Content-Type", BodyType);
        }
        return request;
    }

    /// <summary>The request as it goes on the wire (long values shortened), for the failure report.</summary>
    public override string ToString()
    {
        var text = new StringBuilder($"{Method} {Shorten(Uri.PathAndQuery)}");
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

    private static string Shorten(string value) =>
        value.Length <= 160 ? value : $"{value[..120]}…({value.Length} chars)";
}
