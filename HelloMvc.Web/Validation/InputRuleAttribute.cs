using System.ComponentModel.DataAnnotations;
using HelloMvc.Web.Languages;

namespace HelloMvc.Web.Validation;

/// <summary>
/// A validation rule on one input whose refusal says what it refused: <see cref="ValidationAttribute.ErrorMessage"/> is a
/// format, and <see cref="Refusal"/> names the values that fill it in (the refused text, quoted by <see cref="Quote"/>; a
/// size). The message is in the request's language (<see cref="ValidationMessages"/>). A missing value passes: [Required]
/// is the rule for that.
/// </summary>
public abstract class InputRuleAttribute : ValidationAttribute
{
    protected sealed override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is string text && Refusal(text) is { } refusal
            ? new ValidationResult(ValidationMessages.Format(validationContext, refusal.Message, refusal.Values))
            : ValidationResult.Success;

    /// <summary>Why the text is refused, or null when the rule takes it.</summary>
    protected abstract Refused? Refusal(string text);

    /// <summary>The error message, with the values for its placeholders: {0}, {1}, … as ErrorMessage places them.</summary>
    protected Refused Message(params object[] values) => new(ErrorMessageString, values);

    /// <summary>A refusal: a message in English (the key of its translations) and the values it names.</summary>
    protected sealed record Refused(string Message, object[] Values);

    /// <summary>The refused input as a page quotes it: short, its control characters visible.</summary>
    public static string Quote(string value)
    {
        var visible = string.Concat(value.Take(80).Select(c => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString()));
        return value.Length > 80 ? visible + "…" : visible;
    }
}
