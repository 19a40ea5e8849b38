using System.Net;
using System.Text.RegularExpressions;

namespace HelloMvc.Web.LookingInside.Exchange;

/// <summary>
/// The first form of a page as a browser would submit it: its action (empty means the page itself), its method, and
/// the name and value of each field it sends (inputs, a checked box, a textarea; never a button). A small reading of
/// the page the viewer already holds (at most a page's worth of text, each pattern with a time limit), not a browser:
/// enough for the site's own forms, whose antiforgery token is a hidden input.
/// </summary>
public sealed partial record PageForm(string? Action, string Method, IReadOnlyList<KeyValuePair<string, string>> Fields)
{
    private static readonly string[] NotSent = ["submit", "button", "image", "reset", "file"];

    public static PageForm? FirstIn(string html)
    {
        try
        {
            var form = FormElement().Match(html);
            if (!form.Success)
            {
                return null;
            }
            var attributes = Attributes(form.Groups["attributes"].Value);
            var fields = new List<KeyValuePair<string, string>>();
            foreach (Match field in Field().Matches(form.Groups["inner"].Value))
            {
                var of = Attributes(field.Groups["attributes"].Value);
                var type = of.GetValueOrDefault("type", "text").ToLowerInvariant();
                if (of.GetValueOrDefault("name") is not { Length: > 0 } name || NotSent.Contains(type)
                    || (type is "checkbox" or "radio" && !of.ContainsKey("checked")))
                {
                    continue;
                }
                var value = field.Groups["text"].Success
                    ? WebUtility.HtmlDecode(field.Groups["text"].Value)
                    : of.GetValueOrDefault("value", type is "checkbox" or "radio" ? "on" : "");
                fields.Add(new(name, value));
            }
            var method = attributes.GetValueOrDefault("method", "get").Equals("post", StringComparison.OrdinalIgnoreCase) ? "POST" : "GET";
            return new PageForm(attributes.GetValueOrDefault("action") is { Length: > 0 } action ? action : null, method, fields);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    private static Dictionary<string, string> Attributes(string text)
    {
        var attributes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match attribute in Attribute().Matches(text))
        {
            attributes.TryAdd(attribute.Groups["name"].Value, WebUtility.HtmlDecode(attribute.Groups["value"].Value));
        }
        return attributes;
    }

    [GeneratedRegex(@"<form\b(?<attributes>[^>]*)>(?<inner>.*?)</form\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline, 200)]
    private static partial Regex FormElement();

    [GeneratedRegex(@"<input\b(?<attributes>[^>]*)>|<textarea\b(?<attributes>[^>]*)>(?<text>.*?)</textarea\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline, 200)]
    private static partial Regex Field();

    [GeneratedRegex(@"(?<name>[^\s=/>""']+)(?:\s*=\s*(?:""(?<value>[^""]*)""|'(?<value>[^']*)'|(?<value>[^\s>""']+)))?", RegexOptions.None, 200)]
    private static partial Regex Attribute();
}
