using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Xunit.Sdk;

namespace HelloMvc.Tests.Infrastructure;

/// <summary>A response and its body parsed as HTML.</summary>
public sealed record Page(HttpResponseMessage Response, IHtmlDocument Document)
{
    public HttpStatusCode Status => Response.StatusCode;

    public string? MediaType => Response.Content.Headers.ContentType?.MediaType;

    /// <summary>The trimmed text of the one element the selector must find.</summary>
    public string Text(string selector) =>
        (Document.QuerySelector(selector) ?? throw new XunitException($"No '{selector}' in:\n{Document.Body?.InnerHtml}"))
        .TextContent.Trim();

    /// <summary>The lines of the one element the selector must find (a &lt;pre&gt; holding an HTTP message, say).</summary>
    public IReadOnlyList<string> Lines(string selector) => Text(selector).Split('\n').Select(line => line.TrimEnd('\r')).ToList();
}

/// <summary>"GET and parse", and reading tables, for every test class.</summary>
public static class Pages
{
    private static readonly HtmlParser Parser = new();

    public static async Task<Page> GetPageAsync(this HttpClient client, string url, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept", accept ?? "text/html,application/xhtml+xml,*/*;q=0.8");
        return await client.ParseAsync(request);
    }

    public static async Task<Page> ParseAsync(this HttpClient client, HttpRequestMessage request)
    {
        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return new Page(response, await Parser.ParseDocumentAsync(html, TestContext.Current.CancellationToken));
    }

    /// <summary>
    /// The page's script elements but the code section's own (wwwroot/js/source.js, which every demo page's "The code"
    /// loads to unfold the rest): what a page's own view or a learner's input put there.
    /// </summary>
    public static IReadOnlyList<IHtmlScriptElement> ScriptsBesideTheCodeSection(this IHtmlDocument document) =>
        document.Scripts
            .Where(script => !(script.Closest("section.the-code") is not null && script.GetAttribute("src")?.Contains("/js/source.") == true))
            .ToList();

    /// <summary>The one Set-Cookie header of the response that sets the cookie of this name.</summary>
    public static string SetCookie(this HttpResponseMessage response, string name) =>
        Assert.Single(response.Headers.GetValues("Set-Cookie"), header => header.StartsWith(name + "=", StringComparison.Ordinal));

    /// <summary>The body rows of a table, each as the trimmed text of its cells.</summary>
    public static IReadOnlyList<string[]> ReadRows(this IElement table) =>
        table.QuerySelectorAll("tbody tr")
            .Select(row => row.Children.Select(cell => cell.TextContent.Trim()).ToArray())
            .ToList();

    /// <summary>A two-column table of label (th) and value (td), read by label.</summary>
    public static IReadOnlyDictionary<string, string> ReadLabeled(this IElement table) =>
        table.QuerySelectorAll("tr")
            .Where(row => row.QuerySelector("th") is not null && row.QuerySelector("td") is not null)
            .ToDictionary(row => row.QuerySelector("th")!.TextContent.Trim(), row => row.QuerySelector("td")!.TextContent.Trim());
}

/// <summary>"Submit this form": posts a parsed form's fields (its antiforgery token among them) to its action.</summary>
public static class Forms
{
    public static async Task<Page> SubmitAsync(this HttpClient client, Page page, string selector = "form")
    {
        var form = page.Document.QuerySelector(selector) as AngleSharp.Html.Dom.IHtmlFormElement
            ?? throw new XunitException($"No form '{selector}' on {page.Response.RequestMessage?.RequestUri}");
        var action = string.IsNullOrEmpty(form.GetAttribute("action"))
            ? page.Response.RequestMessage!.RequestUri!.PathAndQuery
            : form.GetAttribute("action")!;
        var fields = form.Elements.OfType<IHtmlInputElement>()
            .Where(input => !string.IsNullOrEmpty(input.Name))
            .Select(input => KeyValuePair.Create(input.Name!, input.Value));
        using var request = new HttpRequestMessage(new HttpMethod(form.Method.ToUpperInvariant()), action)
        {
            Content = new FormUrlEncodedContent(fields),
        };
        return await client.ParseAsync(request);
    }
}
