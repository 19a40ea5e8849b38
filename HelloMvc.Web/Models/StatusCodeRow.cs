using HelloMvc.Web.LookingInside.Catalog;
using Microsoft.AspNetCore.WebUtilities;

namespace HelloMvc.Web.Models;

/// <summary>
/// A common status code and what it means. Its demo is the index's first link that answers with it (one list says which
/// URL gives which status); a demo a link cannot send, such as a DELETE, is named as its request instead.
/// </summary>
public sealed record StatusCodeRow(int Code, string Meaning, string? RequestOnlyAScriptSends = null)
{
    public string ReasonPhrase => ReasonPhrases.GetReasonPhrase(Code);

    public string? Demo => DemoCatalog.FirstAnswering(Code)?.Path;
}
