using System.Text;

namespace HelloMvc.Web.Validation;

/// <summary>
/// The text is at most so many bytes as UTF-8, the way it goes on the wire (an é is two). In ErrorMessage, {0} is the
/// number of bytes it has.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class MaxUtf8BytesAttribute(int limit) : InputRuleAttribute
{
    public int Limit { get; } = limit;

    protected override Refused? Refusal(string text) =>
        Encoding.UTF8.GetByteCount(text) is var bytes && bytes > Limit ? Message(bytes) : null;
}
