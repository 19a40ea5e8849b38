using System.Globalization;
using HelloMvc.Web.Validation;

namespace HelloMvc.Web.Models;

/// <summary>
/// Max-Age is a whole number of seconds from now, written as digits only (no sign, no spaces), at most int.MaxValue.
/// In ErrorMessage and <see cref="NegativeMessage"/>, {0} is the refused text and {1} the largest number taken.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MaxAgeAttribute : InputRuleAttribute
{
    /// <summary>What a negative number, such as -1, is told: it reads as a number, but not as one of seconds from now.</summary>
    public string NegativeMessage { get; set; } = "{0} is negative.";

    /// <summary>The seconds the text says, once the rule took it; null for none.</summary>
    public static TimeSpan? Seconds(string? text) => TryRead(text, out var seconds) ? TimeSpan.FromSeconds(seconds) : null;

    protected override Refused? Refusal(string text) =>
        TryRead(text, out _) ? null
        : text is ['-', _, ..] && text[1..].All(char.IsAsciiDigit) ? new Refused(NegativeMessage, [Quote(text), int.MaxValue])
        : Message(Quote(text), int.MaxValue);

    private static bool TryRead(string? text, out int seconds) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out seconds);
}
