using System.Security.Cryptography;
using System.Text;
using HelloMvc.Web.Hosting.Proxy;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.AspNetCore.WebUtilities;

namespace HelloMvc.Web.Classes;

/// <summary>
/// What lets a browser teach a class: a random key of 256 bits, given once to the teacher who started it (in an HttpOnly
/// cookie scoped to the class's own path, and as a link for another device). The store keeps only its SHA-256, so what
/// Redis holds cannot open a class; a key presented is hashed and compared in constant time.
/// </summary>
public static class TeacherKey
{
    public const string CookieName = ".HelloMvc.Teacher";
    public const string QueryName = "key";

    /// <summary>
    /// What the teardown log writes for a request that may carry the key in its query: the request line without the
    /// query (the framework's HTTP logging, as <c>[HttpLogging(TeacherKey.LoggedFields)]</c> on those actions).
    /// </summary>
    public const HttpLoggingFields LoggedFields =
        HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;

    private const int Bytes = 32;

    /// <summary>A new key, as the text the link and the cookie carry.</summary>
    public static string New() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(Bytes));

    /// <summary>What the store keeps instead of the key.</summary>
    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>True when the key presented is the class's: compared in constant time, so its timing tells nothing.</summary>
    public static bool Opens(string? presented, byte[] keyHash) =>
        presented is { Length: > 0 and <= 100 } && CryptographicOperations.FixedTimeEquals(Hash(presented), keyHash);

    /// <summary>The key this request presents: its <c>?key=</c>, else this class's teacher cookie.</summary>
    public static string? Presented(HttpRequest request, out bool inQuery)
    {
        var query = request.Query[QueryName].ToString();
        inQuery = query.Length > 0;
        return inQuery ? query : request.Cookies[CookieName];
    }

    /// <summary>The teacher cookie: HttpOnly, sent only to this class's own pages (the path base, then /class/{code}).</summary>
    public static void GiveCookie(HttpResponse response, JoinCode code, string key) =>
        response.Cookies.Append(CookieName, key, CookieOptions(response.HttpContext.Request, code));

    public static void TakeCookie(HttpResponse response, JoinCode code) =>
        response.Cookies.Delete(CookieName, CookieOptions(response.HttpContext.Request, code));

    private static CookieOptions CookieOptions(HttpRequest request, JoinCode code) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Secure = request.IsHttps,
        Path = request.SiteCookiePath().TrimEnd('/') + "/class/" + code,
        IsEssential = true,
    };
}
