using System.Globalization;
using HelloMvc.Web.Validation;

namespace HelloMvc.Web.Models;

/// <summary>
/// A date as a cookie's Expires takes it: RFC 1123 (Mon, 01 Jun 2026 12:00:00 GMT), or ISO 8601 (2026-06-01, with a time,
/// with an offset); without an offset it is UTC. In ErrorMessage, {0} is the refused text.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class CookieDateAttribute : InputRuleAttribute
{
    private static readonly string[] Formats =
        ["r", "yyyy-MM-dd", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mmK", "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK"];

    /// <summary>The date the text says, once the rule took it; null for none.</summary>
    public static DateTimeOffset? Date(string? text) => TryRead(text, out var date) ? date : null;

    protected override Refused? Refusal(string text) => TryRead(text, out _) ? null : Message(Quote(text));

    private static bool TryRead(string? text, out DateTimeOffset date) =>
        DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date);
}
