using System.ComponentModel.DataAnnotations;
using System.Reflection;
using HelloMvc.Web.Languages;
using HelloMvc.Web.Validation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;

namespace HelloMvc.Web.LookingInside.Exchange;

/// <summary>
/// What the learner asked the viewer to send, bound from the viewer's query by MVC and checked by the rules on its
/// properties: a local path, a method of the seven, at most ten headers the viewer does not own, a body of at most 8 KB
/// with its type, and whether to send the page's form and follow redirects. A broken rule leaves an error in the model
/// state, in plain words, which the viewer shows as its 400. Bound with no prefix (Name = ""): the query says path=…,
/// never asked.path=…, and a stray key named like the action's parameter changes nothing.
/// </summary>
public sealed class ExchangeRequest : IValidatableObject
{
    public const int MaxHeaders = 10;
    public const int MaxBodyBytes = 8 * 1024;

    private const string FlagRefusal = "form and follow are 1 (on) or 0 (off).";

    /// <summary>The methods the viewer sends, as the rule on <see cref="Method"/> lists them.</summary>
    public static readonly IReadOnlyList<string> Methods =
        typeof(ExchangeRequest).GetProperty(nameof(Method))!.GetCustomAttribute<OneOfAttribute>()!.Values;

    /// <summary>The page to ask for: a path (and query) of this site, without its path base.</summary>
    [ModelBinder<SitePathModelBinder>]
    [ViewablePath]
    public string? Path { get; set; }

    // None given (or a blank one, which MVC binds as none) is GET.
    [OneOf("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
        ErrorMessage = "The method “{0}” is not one the viewer sends: {1} (methods are case-sensitive).")]
    public string Method { get; set => field = string.IsNullOrEmpty(value) ? "GET" : value; } = "GET";

    /// <summary>The headers as given, one "Name: value" a line (the form's inputs named header).</summary>
    [FromQuery(Name = "header")]
    [HeaderLines(MaxHeaders)]
    public List<string?> HeaderLines { get; set; } = [];

    /// <summary>The headers given, each as its name and value.</summary>
    [BindNever, ValidateNever]
    public IReadOnlyList<KeyValuePair<string, string>> Headers =>
        HeaderLinesAttribute.Given(HeaderLines).Select(HeaderLinesAttribute.Split).ToList();

    // An empty or blank body is none, as MVC binds it.
    [MaxUtf8Bytes(MaxBodyBytes, ErrorMessage = "The body is {0:N0} bytes; the viewer sends at most 8 KB.")]
    public string? Body { get; set; }

    [MediaType(ErrorMessage = "The type “{0}” is not a media type such as application/json.")]
    public string? Type { get; set => field = value?.Trim(); }

    /// <summary>Send the page's form, as a browser would, instead of the request above.</summary>
    [Checkbox("1", Off = ["0"], ErrorMessage = FlagRefusal)]
    public bool Form { get; set; }

    /// <summary>Follow this site's redirects, hop by hop.</summary>
    [Checkbox("1", Off = ["0"], ErrorMessage = FlagRefusal)]
    public bool Follow { get; set; }

    /// <summary>Who sent the learner here, as the browser says it (Fetch Metadata): cross-site for a page of another site.</summary>
    [FromHeader(Name = "Sec-Fetch-Site")]
    public string? FetchSite { get; set; }

    /// <summary>
    /// True when the request may change something on the site (a form, an unsafe method) with the learner's cookies:
    /// the viewer is a GET, so without a check a link on another site could make it post a form, token and all.
    /// </summary>
    public bool ChangesThings => Form || Method is not ("GET" or "HEAD" or "OPTIONS");

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ChangesThings && FetchSite == "cross-site")
        {
            yield return new ValidationResult(ValidationMessages.Format(validationContext,
                "A link from another site may not have the viewer send a form, or a method other than GET, HEAD or OPTIONS, with your cookies."));
        }
    }
}
