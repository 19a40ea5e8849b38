using Microsoft.Net.Http.Headers;

namespace HelloMvc.Web.LookingInside.Exchange;

/// <summary>
/// The viewer's own cookie jar for one page: it starts from the learner's Cookie header and keeps what each response
/// sets (the framework's Set-Cookie parser; a later cookie of the same name and path replaces one, an expired one
/// leaves), as a browser would, so a login's session cookie goes back on the next hop. It lives as long as the page:
/// nothing is stored, and the learner's own cookies never change.
/// </summary>
public sealed class CookieJar
{
    private readonly string[] _learners;
    private readonly List<(string Name, string Value, string Path)> _cookies = [];

    private CookieJar(string[] learners)
    {
        _learners = learners;
        foreach (var pair in learners.SelectMany(header => header.Split(';')))
        {
            var equals = pair.IndexOf('=');
            if (equals > 0)
            {
                _cookies.Add((pair[..equals].Trim(), pair[(equals + 1)..].Trim(), "/"));
            }
        }
    }

    public static CookieJar From(HttpRequest learner) => new(learner.Headers.Cookie.OfType<string>().ToArray());

    /// <summary>True once a response set or removed a cookie.</summary>
    public bool Changed { get; private set; }

    /// <summary>The cookies a response set, kept for the next request. <paramref name="requestPath"/> gives a cookie without Path its default path.</summary>
    public void Keep(IEnumerable<string> setCookies, string requestPath, DateTimeOffset now)
    {
        foreach (var line in setCookies)
        {
            if (!SetCookieHeaderValue.TryParse(line, out var cookie) || cookie.Name.Length == 0)
            {
                continue;
            }
            var path = cookie.Path.HasValue && cookie.Path.Value!.StartsWith('/') ? cookie.Path.Value! : DefaultPath(requestPath);
            _cookies.RemoveAll(kept => kept.Name == cookie.Name.Value && kept.Path == path);
            if (cookie.MaxAge is not { } maxAge || maxAge > TimeSpan.Zero)
            {
                if (cookie.Expires is not { } expires || expires > now)
                {
                    _cookies.Add((cookie.Name.Value!, cookie.Value.Value ?? "", path));
                }
            }
            Changed = true;
        }
    }

    /// <summary>The Cookie header for a request to <paramref name="path"/>: the learner's as they sent it until a response changed the jar.</summary>
    public IReadOnlyList<string> HeaderFor(string path)
    {
        if (!Changed)
        {
            return _learners;
        }
        var sent = _cookies.Where(cookie => PathMatches(path, cookie.Path))
            // RFC 6265, 5.4: longer paths first, then in the order they were set.
            .OrderByDescending(cookie => cookie.Path.Length)
            .Select(cookie => $"{cookie.Name}={cookie.Value}")
            .ToList();
        return sent.Count == 0 ? [] : [string.Join("; ", sent)];
    }

    private static bool PathMatches(string requestPath, string cookiePath) =>
        requestPath == cookiePath
        || (requestPath.StartsWith(cookiePath, StringComparison.Ordinal)
            && (cookiePath.EndsWith('/') || requestPath[cookiePath.Length] == '/'));

    private static string DefaultPath(string requestPath)
    {
        var slash = requestPath.LastIndexOf('/');
        return slash <= 0 ? "/" : requestPath[..slash];
    }
}
