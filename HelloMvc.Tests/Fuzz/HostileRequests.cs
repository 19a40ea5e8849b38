using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.StaticAssets;

namespace HelloMvc.Tests.Fuzz;

/// <summary>
/// Random requests aimed at the site's real routes: every template the router knows, its parameters
/// filled with plausible values (so actions run) or hostile ones (so constraints, model binding, encoding
/// and error pages are tried), plus random query strings, cookies, Referer, Accept, methods and bodies.
/// The same seed gives the same requests for the same routes.
/// </summary>
public sealed class HostileRequests
{
    private static readonly string[] Methods = ["GET", "GET", "GET", "GET", "GET", "GET", "POST", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"];

    private static readonly string[] Plausible =
        ["Grey", "blue", "white", "red", "green", "tea", "coffee", "json", "JSON", "xml", "html", "text",
         "1", "2", "3", "42", "1990", "2024", "400", "404", "418", "500", "503", "/http/foo", "/http/hello?name=x"];

    private static readonly string[] Hostile =
        [new string('a', 4000), string.Concat(Enumerable.Repeat("é😀", 1000)), "Ünïcødé-名前-😀", "\u202Eevil", "\u0000", "\u0001\u007F",
         "%00", "a%00b", "..", "../..", "%2e%2e", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "%2F", "a%2Fb", "%5C", "a%5Cb", "\\",
         "\"", "'", "%22%27", "<script>alert(1)</script>", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "\"><img src=x onerror=alert(1)>",
         "%", "%ZZ", "%C3%28", "%FF%FE", "%E2%80%AE", "%20", " ", "+", "-1", "0", "1.5", "1e9", "99999999999", "99999999999999999999999",
         "NaN", "null", "undefined", "CON", "~", "{name}", "%7B%7D", "%3F", "%23", "%0d%0aSet-Cookie:%20x=y",
         "//evil.example", "///evil.example", "/\\evil.example", "\\\\evil.example", "https://evil.example/", "https:%2F%2Fevil.example",
         "javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "http://localhost@evil.example/", "/%09/evil.example"];

    private static readonly string[] QueryKeys = ["name", "next", "page", "path", "q", "v", "returnUrl", "__RequestVerificationToken", "name[]", "%00", ""];

    private static readonly string[] Accepts =
        ["text/html", "application/json", "*/*", "application/problem+json", "application/xml", "text/plain",
         "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "application/json, text/javascript, */*; q=0.01",
         "garbage", "application/json;q=abc", "text/html;q=2", "application/json;q=0, text/html;q=0", ";;;,,,", "*/*;q=-1", "",
         "application/vnd.evil+json", "text/*", new string('x', 3000)];

    private static readonly string[] Referers =
        ["https://evil.example/", "http://localhost/http/foo", "http://localhost/http/bar?x=1", "/http/bar", "//evil.example",
         "javascript:alert(1)", "not a url", "http://localhost:5000/", "http://localhost@evil.example/", "http://LOCALHOST/hello",
         "https://localhost/http/foo", "http://localhost/" + new string('a', 4000), "/\\evil.example", "http://[::1]/"];

    private readonly Random _random;
    private readonly IReadOnlyList<RoutePattern> _patterns;

    public HostileRequests(Random random, EndpointDataSource endpoints)
    {
        _random = random;
        _patterns = endpoints.Endpoints
            .OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.Metadata.GetMetadata<StaticAssetDescriptor>() is null)
            .Select(endpoint => endpoint.RoutePattern)
            // /hello/error answers 500 on purpose (DEMOS.md); it is the one template left out.
            .Where(pattern => !string.Equals(pattern.RawText?.Trim('/'), "hello/error", StringComparison.OrdinalIgnoreCase))
            // Endpoint order is an implementation detail; the seed must replay the same requests.
            .OrderBy(pattern => pattern.RawText, StringComparer.Ordinal)
            .ToList();
    }

    public int TemplateCount => _patterns.Count;

    public FuzzRequest Next()
    {
        var method = Pick(Methods);
        var path = Chance(0.9) ? PathFrom(Pick(_patterns)) : "/" + Segment() + (Chance(0.5) ? "/" + Segment() : "");
        if (Chance(0.1)) path = path.ToUpperInvariant();
        if (Chance(0.05)) path += "/";
        var headers = new List<KeyValuePair<string, string>>();
        if (Chance(0.7)) headers.Add(new("Accept", Pick(Accepts)));
        if (Chance(0.6)) headers.Add(new("Cookie", Cookie()));
        if (Chance(0.4)) headers.Add(new("Referer", Pick(Referers)));
        if (Chance(0.15)) headers.Add(new("X-Requested-With", "XMLHttpRequest"));
        if (method is "POST" or "PUT" or "PATCH" && Chance(0.6))
        {
            var (body, type) = Body();
            return new FuzzRequest(method, path + Query(), headers, body, type);
        }
        return new FuzzRequest(method, path + Query(), headers);
    }

    private string PathFrom(RoutePattern pattern)
    {
        var segments = new List<string>();
        foreach (var segment in pattern.PathSegments)
        {
            var text = new StringBuilder();
            foreach (var part in segment.Parts)
            {
                text.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart { IsCatchAll: true } => string.Join('/', Enumerable.Range(0, _random.Next(0, 4)).Select(_ => Segment())),
                    RoutePatternParameterPart parameter when (parameter.IsOptional || parameter.Default is not null) && Chance(0.2) => "",
                    _ => Segment(),
                });
            }
            segments.Add(text.ToString());
        }
        return "/" + string.Join('/', segments);
    }

    /// <summary>A path segment or route value: plausible half the time, hostile otherwise, sometimes percent-encoded.</summary>
    private string Segment()
    {
        var value = Chance(0.45) ? Pick(Plausible) : Pick(Hostile);
        return Chance(0.5) ? Uri.EscapeDataString(value) : value;
    }

    private string Query()
    {
        var count = _random.Next(0, 4);
        if (count == 0) return Chance(0.1) ? "?" : "";
        var pairs = Enumerable.Range(0, count).Select(_ =>
        {
            var key = Pick(QueryKeys);
            var value = key == "page" && Chance(0.6) ? Pick(["1", "2", "3", "0", "-1", "1.5", "abc", "", "99999999999"])
                : Chance(0.1) ? new string('q', 5000)
                : Pick(Chance(0.5) ? Plausible : Hostile);
            return Chance(0.7) ? $"{key}={Uri.EscapeDataString(value)}" : $"{key}={value}";
        });
        return "?" + string.Join('&', pairs);
    }

    private string Cookie()
    {
        string[] crumbs =
        [
            ".AspNetCore.Session=" + Convert.ToBase64String(Bytes(_random.Next(1, 200))),
            ".AspNetCore.Session=" + Pick(Hostile),
            ".AspNetCore.Antiforgery.x=" + Convert.ToBase64String(Bytes(40)),
            "name=" + Pick(Chance(0.5) ? Plausible : Hostile),
            "name=" + Uri.EscapeDataString(Pick(Hostile)),
            "=;=;;", "a", "a=b=c", "x=" + new string('y', 8000), "\"quoted\"=\"value\"", "logged_in=true",
        ];
        return string.Join(Pick(["; ", ";", ", "]), Enumerable.Range(0, _random.Next(1, 4)).Select(_ => Pick(crumbs)));
    }

    private (string Body, string Type) Body() => _random.Next(4) switch
    {
        0 => ($"name={Uri.EscapeDataString(Pick(Hostile))}&__RequestVerificationToken={Convert.ToBase64String(Bytes(30))}", "application/x-www-form-urlencoded"),
        1 => ("{\"name\":\"<script>\",\"page\":-1,\"nested\":{\"a\":[1,2,{}]}}", "application/json"),
        2 => ("{not json" + Pick(Hostile), Pick(["application/json", "application/x-www-form-urlencoded", "text/plain"])),
        _ => (Pick(Hostile), Pick(["multipart/form-data; boundary=x", "application/xml", "garbage", "text/html"])),
    };

    private byte[] Bytes(int count)
    {
        var bytes = new byte[count];
        _random.NextBytes(bytes);
        return bytes;
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private bool Chance(double probability) => _random.NextDouble() < probability;
}
