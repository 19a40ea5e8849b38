using System.Text.Json.Serialization;
using Microsoft.Net.Http.Headers;

namespace HelloMvc.Web.LookingInside.WhatHappened;

/// <summary>One redirect of this site: what was asked, what answered, and the headers that made the browser hop.</summary>
public sealed record RedirectStep(string Path, string RequestLine, string StatusLine, IReadOnlyList<string> Headers)
{
    /// <summary>The hop's Location: where the browser went next.</summary>
    [JsonIgnore]
    public string? Location => Headers.FirstOrDefault(header => header.StartsWith("Location: ", StringComparison.Ordinal))?["Location: ".Length..];

    /// <summary>A Set-Cookie header as the record shows it.</summary>
    public static string SetCookieHeader(string setCookie) => $"{HeaderNames.SetCookie}: {Elided(setCookie)}";

    // An encrypted value (a session id, antiforgery, TempData) is long and means nothing to a reader: its start is enough.
    private static string Elided(string setCookie)
    {
        var equals = setCookie.IndexOf('=');
        var end = setCookie.IndexOf(';') is >= 0 and var semicolon ? semicolon : setCookie.Length;
        return equals < 0 || end - equals <= 41 ? setCookie : $"{setCookie[..(equals + 13)]}…{setCookie[end..]}";
    }
}
