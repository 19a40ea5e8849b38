using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using SetCookieHeaderValue = Microsoft.Net.Http.Headers.SetCookieHeaderValue;

namespace HelloMvc.Web.Models;

/// <summary>
/// The cookie lab's form: set_cookie()'s parameters as a learner typed them. Each is text, so that one the lab cannot
/// take gets a 400 naming why, rather than a silent default; the ones it takes become CookieOptions, and the framework
/// writes the header (the value percent-encoded). There is no domain: a cookie for another host is one the browser refuses.
/// </summary>
public sealed class CookieLabForm
{
    public const int ValueLimit = 1024;

    private static readonly string[] DateFormats =
        ["r", "yyyy-MM-dd", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mmK", "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK"];

    public string? Name { get; set; }

    // An empty or blank value is a value too.
    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string? Value { get; set; }

    public string? MaxAge { get; set; }

    public string? Expires { get; set; }

    public string? Path { get; set; }

    public string? Secure { get; set; }

    public string? HttpOnly { get; set; }

    public string? SameSite { get; set; }

    /// <summary>The options for Response.Cookies.Append, or false and the reason the lab refuses the cookie.</summary>
    /// <param name="sitePath">The path of the whole site (the path base, or /): a cookie's path lies under it.</param>
    [MemberNotNullWhen(true, nameof(Name))]
    public bool TryCreateOptions(string sitePath, [NotNullWhen(true)] out CookieOptions? options, [NotNullWhen(false)] out string? refusal)
    {
        options = null;
        refusal = Refusal(out var maxAge, out var expires, out var path, out var secure, out var httpOnly, out var sameSite);
        if (refusal is not null)
        {
            return false;
        }
        options = new CookieOptions
        {
            MaxAge = maxAge,
            Expires = expires,
            Path = path is null ? sitePath : sitePath.TrimEnd('/') + path,
            Secure = secure,
            HttpOnly = httpOnly,
            SameSite = sameSite,
            IsEssential = true,
        };
        return Name is not null;
    }

    private string? Refusal(out TimeSpan? maxAge, out DateTimeOffset? expires, out string? path, out bool secure, out bool httpOnly, out SameSiteMode sameSite)
    {
        (maxAge, expires, path, secure, httpOnly, sameSite) = (null, null, null, false, false, SameSiteMode.Unspecified);
        string?[] all = [Name, Value, MaxAge, Expires, Path, Secure, HttpOnly, SameSite];
        if (all.Any(text => text?.IndexOfAny(['\r', '\n']) >= 0))
        {
            return "A parameter holds a line break (CR or LF). A header ends at a line break, so the site never writes one from your input.";
        }
        if (string.IsNullOrEmpty(Name))
        {
            return "A cookie needs a name.";
        }
        // The framework's own parser of Set-Cookie reads the name only if it is an RFC 6265 token.
        if (!SetCookieHeaderValue.TryParse(Name + "=v", out var parsed) || parsed.Name.Value != Name)
        {
            return $"The name \"{Name}\" is not an RFC 6265 token: it must be ASCII letters, digits and !#$%&'*+-.^_`|~, with no space, no control character and none of ( ) < > @ , ; : \\ \" / [ ] ? = {{ }}.";
        }
        if (Encoding.UTF8.GetByteCount(Value ?? "") is var bytes and > ValueLimit)
        {
            return $"The value is {bytes} bytes long; the lab takes at most 1 KB ({ValueLimit} bytes).";
        }
        if (!string.IsNullOrEmpty(MaxAge))
        {
            if (MaxAge.StartsWith('-') && MaxAge.Length > 1 && MaxAge[1..].All(char.IsAsciiDigit))
            {
                return $"Max-Age cannot be negative ({MaxAge}): it is a number of seconds from now; 0 deletes the cookie at once.";
            }
            if (!int.TryParse(MaxAge, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                return $"Max-Age must be a whole number of seconds, such as 60 (at most {int.MaxValue}); \"{MaxAge}\" is not.";
            }
            maxAge = TimeSpan.FromSeconds(seconds);
        }
        if (!string.IsNullOrEmpty(Expires))
        {
            if (!DateTimeOffset.TryParseExact(Expires, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
            {
                return $"Expires must be a date, as RFC 1123 (Mon, 01 Jun 2026 12:00:00 GMT) or ISO 8601 (2026-06-01T12:00:00Z); \"{Expires}\" is not one.";
            }
            expires = date;
        }
        if (!string.IsNullOrEmpty(Path))
        {
            if (!IsSitePath(Path))
            {
                return $"The path \"{Path}\" is not a path of this site: it must start with one slash, such as /http, in plain ASCII, with no ;, no backslash and no . or .. segment.";
            }
            path = Path;
        }
        if (!TryReadFlag(Secure, out secure) || !TryReadFlag(HttpOnly, out httpOnly))
        {
            return "secure and httpOnly are true or false (a checkbox sends true).";
        }
        if (!string.IsNullOrEmpty(SameSite))
        {
            sameSite = SameSite.ToLowerInvariant() switch
            {
                "lax" => SameSiteMode.Lax,
                "strict" => SameSiteMode.Strict,
                "none" => SameSiteMode.None,
                _ => SameSiteMode.Unspecified,
            };
            if (sameSite is SameSiteMode.Unspecified)
            {
                return $"SameSite is Lax, Strict or None; \"{SameSite}\" is none of them.";
            }
            if (sameSite is SameSiteMode.None && !secure)
            {
                return "SameSite=None needs secure: browsers refuse a cross-site cookie that could travel over plain http.";
            }
        }
        return null;
    }

    private static bool IsSitePath(string path) =>
        path is ['/', ..]
        && !path.StartsWith("//", StringComparison.Ordinal)
        && path.All(c => c is > ' ' and < '\u007F' and not ';' and not '\\' and not ',')
        && !path.Split('/').Any(segment => segment is "." or "..");

    private static bool TryReadFlag(string? text, out bool flag)
    {
        flag = text is not null && (text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.Equals("on", StringComparison.OrdinalIgnoreCase));
        return string.IsNullOrEmpty(text) || flag || text.Equals("false", StringComparison.OrdinalIgnoreCase);
    }
}
