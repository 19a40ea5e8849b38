using HelloMvc.Web.Validation;

namespace HelloMvc.Web.Models;

/// <summary>
/// A cookie's path is a path of this site: one leading slash, plain printable ASCII, no ; (it would end the attribute),
/// no backslash or comma, and no . or .. segment. In ErrorMessage, {0} is the refused text.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class CookiePathAttribute : InputRuleAttribute
{
    protected override Refused? Refusal(string text) =>
        text is ['/', ..]
        && !text.StartsWith("//", StringComparison.Ordinal)
        && text.All(c => c is > ' ' and < '\u007F' and not ';' and not '\\' and not ',')
        && !text.Split('/').Any(segment => segment is "." or "..")
            ? null
            : Message(Quote(text));
}
