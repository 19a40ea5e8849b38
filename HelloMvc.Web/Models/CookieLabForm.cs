using System.ComponentModel.DataAnnotations;
using HelloMvc.Web.Languages;
using HelloMvc.Web.Validation;

namespace HelloMvc.Web.Models;

/// <summary>
/// The cookie lab's form: set_cookie()'s parameters, bound from the query by MVC and checked by the rules on each
/// (attributes) and across them (<see cref="Validate"/>). A parameter the lab cannot take leaves an error in the model
/// state, and the lab answers 400 naming it rather than setting a silent default. There is no domain: a cookie for
/// another host is one the browser refuses.
/// </summary>
public sealed class CookieLabForm : IValidatableObject
{
    public const int ValueLimit = 1024;

    [Required(ErrorMessage = "A cookie needs a name.")]
    [NoLineBreak]
    [CookieName(ErrorMessage = "The name \"{0}\" is not an RFC 6265 token: it must be ASCII letters, digits and !#$%&'*+-.^_`|~, with no space, no control character and none of ( ) < > @ , ; : \\ \" / [ ] ? = {{ }}.")]
    public string? Name { get; set; }

    // An empty or blank value is a value too.
    [DisplayFormat(ConvertEmptyStringToNull = false)]
    [NoLineBreak]
    [MaxUtf8Bytes(ValueLimit, ErrorMessage = "The value is {0} bytes long; the lab takes at most 1 KB (1024 bytes).")]
    public string? Value { get; set; }

    // Text, not an int: MVC's number binder would take +5 and " 5", and a refusal could not say why -1 is wrong.
    [NoLineBreak]
    [MaxAge(ErrorMessage = "Max-Age must be a whole number of seconds, such as 60 (at most {1}); \"{0}\" is not.",
        NegativeMessage = "Max-Age cannot be negative ({0}): it is a number of seconds from now; 0 deletes the cookie at once.")]
    public string? MaxAge { get; set; }

    // Text, not a DateTimeOffset: MVC's binder would read a date without an offset in the server's time zone.
    [NoLineBreak]
    [CookieDate(ErrorMessage = "Expires must be a date, as RFC 1123 (Mon, 01 Jun 2026 12:00:00 GMT) or ISO 8601 (2026-06-01T12:00:00Z); \"{0}\" is not one.")]
    public string? Expires { get; set; }

    [NoLineBreak]
    [CookiePath(ErrorMessage = "The path \"{0}\" is not a path of this site: it must start with one slash, such as /http, in plain ASCII, with no ;, no backslash and no . or .. segment.")]
    public string? Path { get; set; }

    [Checkbox("true", "on", Off = ["false"], ErrorMessage = "secure and httpOnly are true or false (a checkbox sends true).")]
    public bool Secure { get; set; }

    [Checkbox("true", "on", Off = ["false"], ErrorMessage = "secure and httpOnly are true or false (a checkbox sends true).")]
    public bool HttpOnly { get; set; }

    [NoLineBreak]
    [OneOf("Lax", "Strict", "None", IgnoreCase = true, ErrorMessage = "SameSite is Lax, Strict or None; \"{0}\" is none of them.")]
    public string? SameSite { get; set; }

    // A rule across two parameters: it runs once each of them passed its own.
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SameSite is { } sameSite && sameSite.Equals("None", StringComparison.OrdinalIgnoreCase) && !Secure)
        {
            yield return new ValidationResult(ValidationMessages.Format(validationContext,
                "SameSite=None needs secure: browsers refuse a cross-site cookie that could travel over plain http."));
        }
    }

    /// <summary>The options for Response.Cookies.Append, once the form is valid: the framework writes the header from them.</summary>
    /// <param name="sitePath">The path of the whole site (the path base, or /): a cookie's path lies under it.</param>
    public CookieOptions ToCookieOptions(string sitePath) => new()
    {
        MaxAge = MaxAgeAttribute.Seconds(MaxAge),
        Expires = CookieDateAttribute.Date(Expires),
        Path = string.IsNullOrEmpty(Path) ? sitePath : sitePath.TrimEnd('/') + Path,
        Secure = Secure,
        HttpOnly = HttpOnly,
        SameSite = string.IsNullOrEmpty(SameSite) ? SameSiteMode.Unspecified : Enum.Parse<SameSiteMode>(SameSite, ignoreCase: true),
        IsEssential = true,
    };
}
