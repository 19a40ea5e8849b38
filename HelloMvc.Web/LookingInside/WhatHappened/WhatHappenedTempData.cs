using System.Text.Json;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace HelloMvc.Web.LookingInside.WhatHappened;

/// <summary>The hops that led to a page, carried across each redirect in TempData (its cookie provider) as one JSON string.</summary>
public static class WhatHappenedTempData
{
    public const string Key = "what-happened";

    /// <summary>Reading marks the trail for deletion, so it shows once; a trail that did not lead to <paramref name="here"/>
    /// (a page the browser took from its cache in between) is dropped, not shown on some later page.</summary>
    public static IReadOnlyList<RedirectStep> TakeLeadingTo(ITempDataDictionary tempData, string here)
    {
        if (tempData[Key] is not string json) return [];
        try
        {
            return JsonSerializer.Deserialize<List<RedirectStep>>(json) is { Count: > 0 } hops && hops[^1].Location == here ? hops : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    public static void Put(ITempDataDictionary tempData, IReadOnlyList<RedirectStep> hops) => tempData[Key] = JsonSerializer.Serialize(hops);
}
