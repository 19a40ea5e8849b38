using System.Net;
using AngleSharp.Dom;
using HelloMvc.Tests.Infrastructure;

namespace HelloMvc.Tests.Languages;

/// <summary>Asking the site in a language, and telling whether what came back speaks Chinese.</summary>
public static class Chinese
{
    /// <summary>GET and parse, with this Accept-Language (and optionally a culture cookie).</summary>
    public static async Task<Page> GetPageInAsync(this HttpClient client, string url, string? acceptLanguage, string? cultureCookie = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        if (acceptLanguage is not null) request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        if (cultureCookie is not null) request.Headers.TryAddWithoutValidation("Cookie", $".AspNetCore.Culture={cultureCookie}");
        return await client.ParseAsync(request);
    }

    /// <summary>How many characters of the CJK Unified Ideographs the text holds.</summary>
    public static int Ideographs(string text) => text.Count(c => c is >= '\u4e00' and <= '\u9fff');

    /// <summary>Most of the letters are Chinese: a sentence with a little code in it passes, English with a Chinese word does not.</summary>
    public static bool IsMostlyChinese(string text)
    {
        var latin = text.Count(c => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z');
        return Ideographs(text) > 0 && Ideographs(text) * 3 >= latin;
    }

    /// <summary>What the page explains: its lead or explanation, the error page's words, whatever its main text is besides code.</summary>
    public static string Explanation(this Page page)
    {
        var main = page.Document.QuerySelector("main")!;
        return main.QuerySelector("p.explain, p.lead, .error-page p")?.TextContent ?? "";
    }

    /// <summary>The page says, in its markup and on the wire, that it speaks this language.</summary>
    public static void AssertSpeaks(this Page page, string language)
    {
        Assert.Equal(language, page.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal([language], page.Response.Content.Headers.ContentLanguage);
    }

    public static string MainText(this Page page) =>
        string.Concat(page.Document.QuerySelector("main")!.Descendants<IText>()
            .Where(text => text.ParentElement?.Closest("code, pre, .note-section, .the-code") is null)
            .Select(text => text.Data));

    public static void AssertOk(this Page page, string url) =>
        Assert.True(page.Status is HttpStatusCode.OK, $"{url}: {(int)page.Status}");
}
