using System.ComponentModel.DataAnnotations;
using HelloMvc.Web.Languages;
using HelloMvc.Web.LookingInside.Journeys;
using HelloMvc.Web.Validation;
using Microsoft.Net.Http.Headers;

namespace HelloMvc.Web.LookingInside.Exchange;

/// <summary>
/// The headers the learner gave, one "Name: value" line each, as they go on the wire: at most <see cref="Max"/> (blank
/// lines are the form's unused inputs), each name a token (RFC 9110, 5.1) that the viewer does not write itself, each
/// value without control characters. The refusal names the first line that breaks a rule.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class HeaderLinesAttribute(int max) : ValidationAttribute
{
    /// <summary>What the viewer writes itself: where the request goes, its framing, and its own marks.</summary>
    public static readonly IReadOnlyList<string> OwnedHeaders =
        [HeaderNames.Host, HeaderNames.ContentLength, HeaderNames.TransferEncoding, HeaderNames.Connection, HeaderNames.Via, JourneyStore.MarkHeader];

    public int Max { get; } = max;

    /// <summary>The lines that hold something.</summary>
    public static IEnumerable<string> Given(IEnumerable<string?> lines) => lines.Where(line => !string.IsNullOrWhiteSpace(line))!;

    /// <summary>A line split at its first colon, name and value trimmed of spaces and tabs.</summary>
    public static KeyValuePair<string, string> Split(string line) =>
        line.IndexOf(':') is var colon and >= 0
            ? new(line[..colon].Trim(' ', '\t'), line[(colon + 1)..].Trim(' ', '\t'))
            : new(line.Trim(' ', '\t'), "");

    // A tab is whitespace inside a value; every other control character (C0, DEL, C1) is refused.
    public static bool HasControl(string value) => value.Any(c => char.IsControl(c) && c != '\t');

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        var given = Given(value as IEnumerable<string?> ?? []).ToList();
        var refusal = given.Count > Max
            ? ("{0} headers were given; the viewer sends at most {1}.", [given.Count, Max])
            : given.Select(Refusal).FirstOrDefault(problem => problem is not null);
        return refusal is var (message, values)
            ? new ValidationResult(ValidationMessages.Format(validationContext, message, values))
            : ValidationResult.Success;
    }

    // Why a line is refused: the message (in English, the key of its translations) and the values it names.
    private static (string Message, object[] Values)? Refusal(string line)
    {
        if (!line.Contains(':'))
        {
            return ("The header “{0}” is not written as Name: value.", [InputRuleAttribute.Quote(line)]);
        }
        var (name, value) = Split(line);
        if (name.Length == 0 || !name.All(IsTokenChar))
        {
            return ("The header name “{0}” is not a token: letters, digits and !#$%&'*+-.^_`|~ only.", [InputRuleAttribute.Quote(name)]);
        }
        if (OwnedHeaders.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            return ("The viewer writes the {0} header itself; it cannot be given.", [name]);
        }
        return HasControl(value) ? ("The value of {0} holds a control character, which no header value may carry.", [name]) : null;
    }

    private static bool IsTokenChar(char c) => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c);
}
