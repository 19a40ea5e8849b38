using HelloMvc.Web.Validation;
using Microsoft.Net.Http.Headers;

namespace HelloMvc.Web.LookingInside.Exchange;

/// <summary>A media type such as application/json, as a Content-Type header carries it. In ErrorMessage, {0} is the refused text.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MediaTypeAttribute : InputRuleAttribute
{
    protected override Refused? Refusal(string text) =>
        !HeaderLinesAttribute.HasControl(text) && MediaTypeHeaderValue.TryParse(text, out _) ? null : Message(Quote(text));
}
