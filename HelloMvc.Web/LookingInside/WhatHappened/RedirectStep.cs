using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace HelloMvc.Web.LookingInside.Hops;

/// <summary>One redirect of this site: what was asked, what answered, and the headers that made the browser hop.</summary>
public sealed record Hop(string Path, string RequestLine, string StatusLine, IReadOnlyList<string> Headers)
{
    /// <summary>The hop's Location: where the browser went next.</summary>
    [JsonIgnore]
    public string? Location => Headers.FirstOrDefault(header => header.StartsWith("Location: ", StringComparison.Ordinal))?["Location: ".Length..];
}

/// <summary>The hops that led to a page, carried across each redirect in TempData (its cookie provider) as one JSON string.</summary>
public static class HopTrail
{
    public const string Key = "what-happened";

    /// <summary>Reading marks the trail for deletion, so it shows once; a trail that did not lead to <paramref name="here"/>
    /// (a page the browser took from its cache in between) is dropped, not shown on some later page.</summary>
    public static IReadOnlyList<Hop> TakeLeadingTo(ITempDataDictionary tempData, string here)
    {
        if (tempData[Key] is not string json) return [];
        try
        {
            return JsonSerializer.Deserialize<List<Hop>>(json) is { Count: > 0 } hops && hops[^1].Location == here ? hops : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    public static void Put(ITempDataDictionary tempData, IReadOnlyList<Hop> hops) => tempData[Key] = JsonSerializer.Serialize(hops);
}
