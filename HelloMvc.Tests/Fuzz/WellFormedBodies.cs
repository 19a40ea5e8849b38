using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AngleSharp.Html.Dom.Events;
using AngleSharp.Html.Parser;

namespace HelloMvc.Tests.Fuzz;

/// <summary>Whether a body is what its Content-Type says it is; null when it is, else what is wrong.</summary>
public static partial class WellFormedBodies
{
    public static string? Problem(string? mediaType, string body)
    {
        if (StackTraceLine().Match(body) is { Success: true } trace)
        {
            return $"the body shows a stack trace: '{trace.Value.Trim()}'";
        }
        return mediaType switch
        {
            null => "a body without a Content-Type",
            "application/json" => JsonProblem(body),
            _ when mediaType.EndsWith("+json", StringComparison.Ordinal) => JsonProblem(body),
            "text/html" => HtmlProblem(body),
            "application/xml" or "text/xml" => XmlProblem(body),
            _ when mediaType.EndsWith("+xml", StringComparison.Ordinal) => XmlProblem(body),
            _ => null,
        };
    }

    private static string? JsonProblem(string body)
    {
        try
        {
            using var _ = JsonDocument.Parse(body);
            return null;
        }
        catch (JsonException e)
        {
            return $"JSON that does not parse: {e.Message}";
        }
    }

    private static string? XmlProblem(string body)
    {
        try
        {
            XDocument.Parse(body);
            return null;
        }
        catch (System.Xml.XmlException e)
        {
            return $"XML that does not parse: {e.Message}";
        }
    }

    /// <summary>
    /// A full page (it starts with a doctype) must parse without an HTML parse error and have an html root
    /// with a body; a partial (an AJAX fragment) must parse without errors too, its missing doctype aside.
    /// </summary>
    private static string? HtmlProblem(string body)
    {
        var fullPage = body.TrimStart().StartsWith("<!DOCTYPE", StringComparison.OrdinalIgnoreCase);
        var errors = new List<string>();
        var parser = new HtmlParser();
        parser.Error += (_, e) =>
        {
            if (e is HtmlErrorEvent error && !Tolerated((HtmlParseError)error.Code, fullPage))
            {
                errors.Add($"{(HtmlParseError)error.Code} at {error.Position.Line}:{error.Position.Column}");
            }
        };
        var document = parser.ParseDocument(body);
        if (errors.Count > 0)
        {
            return $"HTML parse errors: {string.Join(", ", errors.Take(3))}";
        }
        if (fullPage && (document.DocumentElement.LocalName != "html" || string.IsNullOrWhiteSpace(document.Body?.TextContent)))
        {
            return "a page with no <html> root or an empty body";
        }
        return null;
    }

    // The framework's HtmlEncoder writes a control character from the URL (say %01) as &#x1;, which HTML5
    // calls a parse error yet every browser renders as text: encoded, so harmless, and not the app's doing.
    private static bool Tolerated(HtmlParseError code, bool fullPage) =>
        code is HtmlParseError.CharacterReferenceInvalidCode or HtmlParseError.CharacterReferenceInvalidRange
        || (code is HtmlParseError.DoctypeMissing && !fullPage);

    // "   at Some.Type.Method(…)": what a leaked .NET stack trace looks like.
    [GeneratedRegex(@"^\s+at [\w.`<>+]+\(.*\)", RegexOptions.Multiline)]
    private static partial Regex StackTraceLine();
}
