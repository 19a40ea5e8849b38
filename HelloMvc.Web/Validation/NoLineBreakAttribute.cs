using System.ComponentModel.DataAnnotations;

namespace HelloMvc.Web.Validation;

/// <summary>
/// No CR or LF in the text: a header ends at a line break, so a value that becomes part of one must never hold one. The
/// framework's own regular-expression rule, which must match the whole text.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class NoLineBreakAttribute : RegularExpressionAttribute
{
    public NoLineBreakAttribute() : base(@"[^\r\n]*") =>
        ErrorMessage = "A parameter holds a line break (CR or LF). A header ends at a line break, so the site never writes one from your input.";
}
