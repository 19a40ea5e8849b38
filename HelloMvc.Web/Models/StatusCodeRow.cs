using HelloMvc.Web.LookingInside.Catalog;
using Microsoft.AspNetCore.WebUtilities;

namespace HelloMvc.Web.Models;

/// <summary>
/// A common status code and what it means. Its demo is the catalogue's first that answers with it (one list says which
/// URL gives which status): a link when a link can send it, else a request a page's script sends, such as a DELETE. A
/// request no demo of the catalogue sends (a PUT the methods lesson refuses) is named as the request itself.
/// </summary>
public sealed record StatusCodeRow(int Code, string Meaning, string? RequestNoDemoSends = null)
{
    public string ReasonPhrase => ReasonPhrases.GetReasonPhrase(Code);

    public Demo? Demo { get; } = DemoCatalog.FirstAnswering(Code);

    /// <summary>The request that answers with this code here, a demo's or the one no demo sends; null when none does.</summary>
    public (string Method, string Path)? Request =>
        Demo is { } demo ? (demo.Method, demo.Path)
        : RequestNoDemoSends?.Split(' ', 2) is [var method, var path] ? (method, path)
        : null;
}
