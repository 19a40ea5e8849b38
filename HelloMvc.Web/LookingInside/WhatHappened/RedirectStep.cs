using System.Text.Json.Serialization;

namespace HelloMvc.Web.LookingInside.WhatHappened;

/// <summary>One redirect of this site: what was asked, what answered, and the headers that made the browser hop.</summary>
public sealed record RedirectStep(string Path, string RequestLine, string StatusLine, IReadOnlyList<string> Headers)
{
    /// <summary>The hop's Location: where the browser went next.</summary>
    [JsonIgnore]
    public string? Location => Headers.FirstOrDefault(header => header.StartsWith("Location: ", StringComparison.Ordinal))?["Location: ".Length..];
}
