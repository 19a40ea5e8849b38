using HelloMvc.Web.Validation;
using SetCookieHeaderValue = Microsoft.Net.Http.Headers.SetCookieHeaderValue;

namespace HelloMvc.Web.Models;

/// <summary>
/// A cookie's name is an RFC 6265 token: the framework's own parser of Set-Cookie reads a name only if it is one. In
/// ErrorMessage, {0} is the refused name.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class CookieNameAttribute : InputRuleAttribute
{
    protected override Refused? Refusal(string text) =>
        SetCookieHeaderValue.TryParse(text + "=v", out var parsed) && parsed.Name.Value == text ? null : Message(Quote(text));
}
