using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace HelloMvc.Web.Validation;

/// <summary>
/// A validation rule on one input whose refusal says what it refused: <see cref="ValidationAttribute.ErrorMessage"/> is a
/// format, and <see cref="Refusal"/> fills it in (the refused text, quoted by <see cref="Quote"/>; a size). A missing value
/// passes: [Required] is the rule for that.
/// </summary>
public abstract class InputRuleAttribute : ValidationAttribute
{
    protected sealed override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is string text && Refusal(text) is { } refusal ? new ValidationResult(refusal) : ValidationResult.Success;

    /// <summary>Why the text is refused, in words for the learner, or null when the rule takes it.</summary>
    protected abstract string? Refusal(string text);

    /// <summary>The error message with its placeholders filled in: {0}, {1}, … as ErrorMessage places them.</summary>
    protected string Message(params object[] values) => string.Format(CultureInfo.CurrentCulture, ErrorMessageString, values);

    /// <summary>The refused input as a page quotes it: short, its control characters visible.</summary>
    public static string Quote(string value)
    {
        var visible = string.Concat(value.Take(80).Select(c => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString()));
        return value.Length > 80 ? visible + "…" : visible;
    }
}
