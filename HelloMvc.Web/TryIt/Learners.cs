using System.Security.Cryptography;
using HelloMvc.Web.Hosting.Proxy;
using Microsoft.AspNetCore.DataProtection;

namespace HelloMvc.Web.TryIt;

/// <summary>
/// Who is trying: a random id (128 bits) in the <c>.HelloMvc.Learner</c> cookie, protected (encrypted and signed) by the
/// site's data protection, so a learner cannot pose as another by guessing or editing it, and every instance of the
/// site, sharing the key ring, reads it. A forged, altered or foreign value is no learner at all: it gets a new id.
/// </summary>
public sealed class Learners(IDataProtectionProvider dataProtection, TimeProvider clock)
{
    public const string CookieName = ".HelloMvc.Learner";

    /// <summary>A browser keeps its learner for a year; the progress behind it expires sooner unless it is used.</summary>
    public static readonly TimeSpan CookieLifetime = TimeSpan.FromDays(365);

    // A protected id is about 180 characters: anything much longer is junk, and not worth decrypting.
    private const int LongestCookie = 400;
    private const int IdBytes = 16;

    // The id of this request's learner, read once per request (null when the cookie was not a learner's), and the
    // cookie's value when this response gives a new one.
    private static readonly object ItemKey = new(), NewCookieKey = new();

    private readonly IDataProtector _protector = dataProtection.CreateProtector("HelloMvc.TryIt.Learner.v1");

    /// <summary>True when the request carries a learner cookie at all, valid or not: a look at the header, nothing decrypted.</summary>
    public static bool MayCarryOne(HttpContext context) => context.Request.Cookies.ContainsKey(CookieName);

    /// <summary>The learner id the request's cookie holds, or null when it holds none (missing, forged, altered, foreign).</summary>
    public string? IdOf(HttpContext context)
    {
        if (context.Items.TryGetValue(ItemKey, out var known)) return known as string;
        var id = Unprotect(context.Request.Cookies[CookieName]);
        context.Items[ItemKey] = id;
        return id;
    }

    /// <summary>This request's learner id; a browser that has none (or a bad one) is given a new one, in the cookie.</summary>
    public string EnsureId(HttpContext context)
    {
        if (IdOf(context) is { } id) return id;
        id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(IdBytes));
        var cookie = _protector.Protect(id);
        context.Items[NewCookieKey] = cookie;
        context.Response.Cookies.Append(CookieName, cookie, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            Path = context.Request.SiteCookiePath(),
            IsEssential = true,
            Expires = clock.GetUtcNow() + CookieLifetime,
        });
        context.Items[ItemKey] = id;
        return id;
    }

    /// <summary>
    /// The learner cookie as curl's <c>-b</c> argument (<c>-b '.HelloMvc.Learner=CfDJ8…'</c>), so a terminal's requests
    /// count as this learner's; call it after <see cref="EnsureId"/>. The value is base64url, safe inside single quotes.
    /// </summary>
    public string CurlArgument(HttpContext context)
    {
        var value = context.Items[NewCookieKey] as string ?? context.Request.Cookies[CookieName];
        return $"-b '{CookieName}={value}'";
    }

    /// <summary>A learner id as this site makes them: 32 lower-case hexadecimal digits.</summary>
    public static bool IsWellFormed(string? id) =>
        id is { Length: IdBytes * 2 } && id.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    private string? Unprotect(string? cookie)
    {
        if (string.IsNullOrEmpty(cookie) || cookie.Length > LongestCookie) return null;
        try
        {
            var id = _protector.Unprotect(cookie);
            return IsWellFormed(id) ? id : null;
        }
        catch (Exception failure) when (failure is CryptographicException or FormatException)
        {
            // Not made by this site's key ring for this purpose: a forged, altered or foreign cookie.
            return null;
        }
    }
}
