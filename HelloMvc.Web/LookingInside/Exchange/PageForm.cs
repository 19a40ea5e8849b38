using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Io;
using Microsoft.Extensions.Localization;
using HttpMethod = AngleSharp.Io.HttpMethod;

namespace HelloMvc.Web.LookingInside.Exchange;

/// <summary>
/// The request a browser makes when a page's first form is submitted with its first submit button: the HTML standard's
/// form submission, as AngleSharp implements it. Each control goes by its type (only checked boxes and radios, a select's
/// selected option or else its first, a textarea, the button's own name and value, nothing disabled); the method; the
/// action resolved against the page's address; the body in the form's encoding (urlencoded, multipart, plain text).
/// AngleSharp parses the page the viewer already holds; it runs no script and fetches nothing.
/// </summary>
/// <param name="Action">Where the form goes, as an absolute URL.</param>
/// <param name="Target">The action's path and query when it is on the page's own origin, else null.</param>
public sealed record PageForm(string Method, string Action, string? Target, string? Body, string? Type)
{
    /// <param name="html">The page as the viewer received it.</param>
    /// <param name="address">The page's address: the form's action is resolved against it.</param>
    /// <param name="notes">Where to say why there is no form to send (in the words <paramref name="localizer"/> gives).</param>
    public static async Task<PageForm?> FirstInAsync(
        string html, Uri address, ICollection<string> notes, IStringLocalizer<ExchangeRunner> localizer, CancellationToken cancel)
    {
        using var context = BrowsingContext.New(Configuration.Default);
        using var document = await context.OpenAsync(response => response.Content(html).Address(address), cancel);
        // A page of this site has its own form in its main content; the site's own (the language switch) sits outside it.
        // A page with no main element: its first form.
        var own = document.QuerySelector("main") is { } main ? main.QuerySelectorAll("form").OfType<IHtmlFormElement>() : document.Forms;
        if (own.FirstOrDefault() is not { } form)
        {
            notes.Add(localizer["The page has no form to send."]);
            return null;
        }
        if (form.GetSubmission(SubmitButtonOf(form) ?? form) is not { } submission)
        {
            notes.Add(localizer["The form does not pass its own checks (a required field is empty, say): a browser would not send it, so the viewer does not either."]);
            return null;
        }
        var target = submission.Target;
        var local = target.Origin == new Url(address.AbsoluteUri).Origin ? target.PathName + QueryOf(submission) : null;
        return new PageForm(submission.Method.ToString().ToUpperInvariant(), target.Href, local, await BodyOfAsync(submission), submission.MimeType);
    }

    // A GET form's fields are its query; any other method keeps the action's own query as written.
    private static string QueryOf(DocumentRequest submission) =>
        submission.Target.Query is not { } query ? ""
        : submission.Method == HttpMethod.Get ? "?" + AsBrowsersEncode(query)
        : "?" + query;

    /// <summary>The button a click submits with: the form's first submit button (a browser's default button), if it has one.</summary>
    private static IHtmlElement? SubmitButtonOf(IHtmlFormElement form) =>
        form.Elements.OfType<IHtmlElement>().FirstOrDefault(element => element switch
        {
            IHtmlButtonElement button => button.Type == "submit" && !button.IsDisabled,
            IHtmlInputElement input => input.Type is "submit" or "image" && !input.IsDisabled,
            _ => false,
        });

    private static async Task<string?> BodyOfAsync(DocumentRequest submission)
    {
        if (submission.Method == HttpMethod.Get || submission.Body is null)
        {
            return null;
        }
        using var reader = new StreamReader(submission.Body);
        var body = await reader.ReadToEndAsync();
        return submission.MimeType switch
        {
            "application/x-www-form-urlencoded" => AsBrowsersEncode(body),
            // The multipart body ends with a line break after its closing boundary, as browsers write it.
            { } type when type.StartsWith("multipart/form-data", StringComparison.Ordinal) && !body.EndsWith("\r\n", StringComparison.Ordinal) => body + "\r\n",
            _ => body,
        };
    }

    // AngleSharp leaves ~ as it is; the URL standard's urlencoded serializer (and so every browser) escapes it.
    private static string AsBrowsersEncode(string urlencoded) => urlencoded.Replace("~", "%7E", StringComparison.Ordinal);
}
