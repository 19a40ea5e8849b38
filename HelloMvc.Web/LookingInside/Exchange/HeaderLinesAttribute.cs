using System.ComponentModel.DataAnnotations;
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
            ? $"{given.Count} headers were given; the viewer sends at most {Max}."
            : given.Select(Refusal).FirstOrDefault(problem => problem is not null);
        return refusal is null ? ValidationResult.Success : new ValidationResult(refusal);
    }

    private static string? Refusal(string line)
    {
        if (!line.Contains(':'))
        {
            return $"The header “{InputRuleAttribute.Quote(line)}” is not written as Name: value.";
        }
        var (name, value) = Split(line);
        if (name.Length == 0 || !name.All(IsTokenChar))
        {
            return $"The header name “{InputRuleAttribute.Quote(name)}” is not a token: letters, digits and !#$%&'*+-.^_`|~ only.";
        }
        if (OwnedHeaders.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            return $"The viewer writes the {name} header itself; it cannot be given.";
        }
        return HasControl(value) ? $"The value of {name} holds a control character, which no header value may carry." : null;
    }

    private static bool IsTokenChar(char c) => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c);
}
