using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using HelloMvc.Web.Languages;

namespace HelloMvc.Web.Classes;

/// <summary>
/// Text a person typed, of at most <see cref="Maximum"/> characters as a reader counts them (a Chinese character, an
/// accented letter or an emoji is one), with no control characters (a line break in a name would break the grid's rows
/// and a CSV's). What is too long for a reader is also refused by its UTF-16 length, so no one character can be made huge.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class TextLengthAttribute(int maximum) : ValidationAttribute
{
    public int Maximum => maximum;

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is not string text) return ValidationResult.Success;
        // The field's display name ([Display(Name = "name")]), which MVC has already put in the request's language.
        var what = validationContext.DisplayName;
        if (text.Any(char.IsControl))
        {
            return new ValidationResult(ValidationMessages.Format(validationContext,
                "A {0} cannot hold a line break, a tab or another control character.", what));
        }
        var length = new StringInfo(text.Normalize(NormalizationForm.FormC)).LengthInTextElements;
        return length <= maximum && text.Length <= 4 * maximum
            ? ValidationResult.Success
            : new ValidationResult(ValidationMessages.Format(validationContext,
                "A {0} has at most {1} characters; this one has {2}.", what, maximum, length));
    }
}
