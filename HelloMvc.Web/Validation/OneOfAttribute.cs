namespace HelloMvc.Web.Validation;

/// <summary>
/// The value is one of a few words, such as a method or a SameSite mode. In ErrorMessage, {0} is the refused value and
/// {1} the words it may be, joined by commas.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class OneOfAttribute(params string[] values) : InputRuleAttribute
{
    public IReadOnlyList<string> Values { get; } = values;

    /// <summary>Whether Lax and lax are the same word; HTTP methods are case-sensitive, so by default they are not.</summary>
    public bool IgnoreCase { get; set; }

    protected override Refused? Refusal(string text) =>
        Values.Contains(text, IgnoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal)
            ? null
            : Message(Quote(text), string.Join(", ", Values));
}
