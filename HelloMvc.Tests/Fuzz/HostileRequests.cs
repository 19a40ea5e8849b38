using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.StaticAssets;

namespace HelloMvc.Tests.Fuzz;

/// <summary>
/// Random requests aimed at the site's real routes: every template the router knows, its parameters
/// filled with plausible values (so actions run) or hostile ones (so constraints, model binding, encoding
/// and error pages are tried), plus random query strings, cookies, Referer, Accept, Host, methods and bodies.
/// Values go out raw half the time: non-ASCII and control bytes in the request line and the headers, invalid
/// and overlong UTF-8 behind percent signs, whitespace-only and huge route values, what no HttpClient would send.
/// The same seed gives the same requests for the same routes.
/// </summary>
public sealed class HostileRequests
{
    private static readonly string[] Methods =
        ["GET", "GET", "GET", "GET", "GET", "GET", "GET", "GET", "GET", "GET", "GET", "GET", "POST", "POST", "PUT", "DELETE", "PATCH",
         "HEAD", "HEAD", "OPTIONS", "TRACE", "get", "PROPFIND", "BREW"];

    private static readonly string[] Plausible =
        ["Grey", "blue", "white", "red", "green", "tea", "coffee", "json", "JSON", "xml", "html", "text",
         "1", "2", "3", "42", "1990", "2024", "400", "404", "418", "500", "503", "/http/foo", "/http/hello?name=x",
         // The converters' values (float, path, uuid) and the cookie lab's (Max-Age, Expires, SameSite, the flags).
         "3.5", "-2", "0.25", "a/b/c", "3fa85f64-5717-4562-b3fc-2c963f66afa6", "3FA85F64-5717-4562-B3FC-2C963F66AFA6",
         "60", "Lax", "Strict", "None", "true", "false", "on", "/http", "Tue, 01 Jan 2030 00:00:00 GMT", "2030-01-01T00:00:00Z"];

    private static readonly string[] Hostile =
        [new string('a', 4000), string.Concat(Enumerable.Repeat("é😀", 1000)), "Ünïcødé-名前-😀", "\u202Eevil", "\u0000", "\u0001\u007F",
         "%00", "a%00b", "..", "../..", "%2e%2e", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "%2F", "a%2Fb", "%5C", "a%5Cb", "\\",
         "\"", "'", "%22%27", "<script>alert(1)</script>", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "\"><img src=x onerror=alert(1)>",
         "%", "%ZZ", "%C3%28", "%FF%FE", "%E2%80%AE", "%20", " ", "+", "-1", "0", "1.5", "1e9", "99999999999", "99999999999999999999999",
         "NaN", "Infinity", "-Infinity", "1e999", "3,5", "-0", "null", "undefined", "CON", "~", "{name}", "%7B%7D", "%3F", "%23", "%0d%0aSet-Cookie:%20x=y",
         "//evil.example", "///evil.example", "/\\evil.example", "\\\\evil.example", "https://evil.example/", "https:%2F%2Fevil.example",
         "javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "http://localhost@evil.example/", "/%09/evil.example",
         // Whitespace only, as text and percent-encoded: tab, CR LF, vertical tab, no-break space, line separator, ideographic space.
         "\t", "\r\n", "%09", "%0D%0A", "%0B", "%C2%A0", "%E2%80%A8", "%E3%80%80", "\u2028", "\u00A0",
         // Invalid UTF-8 behind percent signs: overlong slash and dot, a lone surrogate, a cut sequence, bytes UTF-8 never uses.
         "%C0%AF", "%C0%AE%C0%AE", "%E0%80%AF", "%ED%A0%80", "%C3", "%E2%82", "%80", "%F8%88%80%80%80", "%FE%FF", "Zo%C3%AB",
         "Zoë", "/hello/greet/Zoë", "/hello/greet/Zo%C3%AB", "/\u00E9", new string('b', 9000)];

    private static readonly string[] QueryKeys =
        ["name", "next", "page", "path", "q", "v", "returnUrl", "__RequestVerificationToken", "name[]", "%00", "",
         "value", "maxAge", "expires", "secure", "httpOnly", "sameSite", "domain"];

    // The exchange viewer's own parameters: every option of its form, good and bad.
    private static readonly string[] ExchangePaths =
        ["/hello", "/http/methods", "/http/login", "/http/redirect", "/http/hi", "/http/set/Zoë", "/http/more?page=2", "/http/post/delete/7",
         "/http/brew/tea", "/http/brew/coffee", "/http/do-something?next=/http/hi", "/hello/error", "/nope", "/css/site.css", "/exchange",
         "//evil.example", "https://evil.example/"];

    private static readonly string[] ViewerMethods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", ""];

    private static readonly string[] RefusedMethods = ["TRACE", "CONNECT", "get", "BREW", "G ET"];

    private static readonly string[] ViewerHeaders =
        ["Accept: application/json", "Accept: text/html", "Accept: application/xml", "X-Test: é", "X-Test: 名前😀", "Cookie: name=Zoë",
         "Cookie: .HelloMvc.Session=abc", "Content-Type: application/json", "Content-Encoding: gzip", "Expect: 100-continue", "TE: trailers",
         "Upgrade: websocket", "If-None-Match: *", "If-Modified-Since: garbage", "Range: bytes=0-10", "Range: bytes=99999-",
         "Authorization: Basic eDp5", "X-Requested-With: XMLHttpRequest", "X-Forwarded-Host: evil.example", "X-Forwarded-Proto: https",
         "Referer: https://evil.example/", "Origin: https://evil.example", "Keep-Alive: 1", "Trailer: X", "Proxy-Connection: close",
         "X-Empty:", "X-Long: " + new string('l', 3000)];

    private static readonly string[] RefusedHeaders =
        ["Host: evil.example", "Content-Length: 5", "Transfer-Encoding: chunked", "Connection: close", "Via: 1.1 x", "Exchange-Journey: 0",
         "Bad Name: x", "X: a\u0001b", "X: a\r\nSet-Cookie: x=1", "nocolon", ": empty"];

    private static readonly string[] ViewerBodies =
        ["name=Grey", "__RequestVerificationToken=abc&name=Grey", "{\"name\":\"Grey\"}", "{not json", "é😀", "<script>alert(1)</script>",
         "\u0000\u0001", new string('b', 8192), new string('b', 8193)];

    private static readonly string[] ViewerTypes =
        ["application/json", "application/x-www-form-urlencoded", "text/plain; charset=utf-8", "multipart/form-data; boundary=x",
         "multipart/form-data", "application/xml", ""];

    private static readonly string[] Accepts =
        ["text/html", "application/json", "*/*", "application/problem+json", "application/xml", "text/plain",
         "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "application/json, text/javascript, */*; q=0.01",
         "garbage", "application/json;q=abc", "text/html;q=2", "application/json;q=0, text/html;q=0", ";;;,,,", "*/*;q=-1", "",
         "application/vnd.evil+json", "text/*", new string('x', 3000)];

    private static readonly string[] Referers =
        ["https://evil.example/", "http://localhost/http/foo", "http://localhost/http/bar?x=1", "/http/bar", "//evil.example",
         "javascript:alert(1)", "not a url", "http://localhost:5000/", "http://localhost@evil.example/", "http://LOCALHOST/hello",
         "https://localhost/http/foo", "http://localhost/" + new string('a', 4000), "/\\evil.example", "http://[::1]/",
         "http://localhost/hello/greet/Zoë", "http://localhost/http/bar?x=é", "http://localhost/\u0001", "http://exämple/"];

    private static readonly string[] Hosts =
        ["localhost", "localhost", "localhost", "127.0.0.1", "LOCALHOST:80", "evil.example", "localhost:99999", "[::1]", "",
         "local host", "exämple.test", "localhost\u0001", "a@b", new string('h', 300)];

    private static readonly string[] Odd =
        ["é", "名前", "😀", "\u0001", "\u007F", "\t", "\u0085", "\u00FF", "a\u0000b", ";", ",", "\"", "%FF"];

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
        if (Chance(0.06))
        {
            return new FuzzRequest(Chance(0.9) ? "GET" : Pick(Methods), "/exchange?" + ViewerQuery(), Chance(0.9) ? "localhost" : Pick(Hosts),
                Chance(0.5) ? [new("Cookie", Spoil(Cookie()))] : [], Latin1: Chance(0.1));
        }
        var method = Pick(Methods);
        var path = Chance(0.9) ? PathFrom(Pick(_patterns)) : "/" + Segment() + (Chance(0.5) ? "/" + Segment() : "");
        if (Chance(0.1)) path = path.ToUpperInvariant();
        if (Chance(0.05)) path += "/";
        var host = Chance(0.8) ? "localhost" : Pick(Hosts);
        var headers = new List<KeyValuePair<string, string>>();
        if (Chance(0.7)) headers.Add(new("Accept", Spoil(Pick(Accepts))));
        if (Chance(0.6)) headers.Add(new("Cookie", Spoil(Cookie())));
        if (Chance(0.4)) headers.Add(new("Referer", Spoil(Pick(Referers))));
        if (Chance(0.15)) headers.Add(new("X-Requested-With", "XMLHttpRequest"));
        if (Chance(0.1)) headers.Add(new("Accept-Language", Spoil("en-GB,en;q=0.9")));
        if (Chance(0.1)) headers.Add(new("User-Agent", Spoil("Mozilla/5.0 (fuzz)")));
        var latin1 = Chance(0.2);
        if (method is "POST" or "PUT" or "PATCH" && Chance(0.6))
        {
            var (body, type) = Body();
            return new FuzzRequest(method, path + Query(), host, headers, body, type, latin1);
        }
        return new FuzzRequest(method, path + Query(), host, headers, Latin1: latin1);
    }

    /// <summary>Now and then a header value with a character no header should carry: non-ASCII, a control byte.</summary>
    private string Spoil(string value) => Chance(0.15) ? value.Insert(_random.Next(value.Length + 1), Pick(Odd)) : value;

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
                // The exchange viewer forwards the request's headers to a path it accepts: give it one.
                : key == "path" && Chance(0.6) ? Pick(["/hello", "/http/hello?name=Zoë", "/http/set/Zoë", "/http/context", "/http/note/json"])
                : Chance(0.1) ? new string('q', 5000)
                : Pick(Chance(0.5) ? Plausible : Hostile);
            return Chance(0.7) ? $"{key}={Uri.EscapeDataString(value)}" : $"{key}={value}";
        });
        return "?" + string.Join('&', pairs);
    }

    /// <summary>A query for the exchange viewer: a path, and some of its method, headers, body, type, form and follow.</summary>
    private string ViewerQuery()
    {
        string Value(string value) => Chance(0.85) ? Uri.EscapeDataString(value) : value;
        var pairs = new List<string> { "path=" + Value(Chance(0.85) ? Pick(ExchangePaths) : Pick(Hostile)) };
        if (Chance(0.6)) pairs.Add("method=" + Value(Pick(Chance(0.9) ? ViewerMethods : RefusedMethods)));
        var headers = Chance(0.03) ? 11 : _random.Next(0, 4);
        for (var i = 0; i < headers; i++)
        {
            pairs.Add("header=" + Value(Chance(0.9) ? Pick(Chance(0.8) ? ViewerHeaders : [$"X-{Pick(Plausible)}: {Pick(Hostile)}"]) : Pick(RefusedHeaders)));
        }
        if (Chance(0.3)) pairs.Add("body=" + Value(Chance(0.8) ? Pick(ViewerBodies) : Pick(Hostile)));
        if (Chance(0.3)) pairs.Add("type=" + Value(Pick(Chance(0.85) ? ViewerTypes : ["garbage", "text/plain\r\nX: 1", "é/é"])));
        if (Chance(0.3)) pairs.Add("form=" + Value(Chance(0.9) ? "1" : Pick(["0", "", "yes", "true", "%00"])));
        if (Chance(0.4)) pairs.Add("follow=" + Value(Chance(0.9) ? "1" : Pick(["0", "", "2", "on"])));
        return string.Join('&', pairs.OrderBy(_ => _random.Next()));
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
