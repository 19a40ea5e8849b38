using Microsoft.AspNetCore.Localization;

namespace HelloMvc.Web.Languages;

/// <summary>
/// The site's two languages, English and 简体中文, and how a request picks one: <c>?culture=</c> first, then the cookie
/// the switch sets, then <c>Accept-Language</c>; English otherwise. The text itself lives in the .resx files under
/// Resources/, the English text being the key, so English needs no file and only the Chinese is written down.
/// </summary>
public static class SiteLanguages
{
    public const string English = "en";
    public const string Chinese = "zh-Hans";

    public static readonly string[] Supported = [English, Chinese];

    /// <summary>Where the .resx files live (AddLocalization's ResourcesPath): one per view and per type, named after it.</summary>
    public const string ResourcesPath = "Resources";

    /// <summary>How long the switch's choice is kept: a year, longer than a course.</summary>
    public static readonly TimeSpan ChoiceLifetime = TimeSpan.FromDays(365);

    /// <summary>The cookie that keeps the choice: the framework's own name, which its cookie provider reads.</summary>
    public static string CookieName => CookieRequestCultureProvider.DefaultCookieName;

    public static void Configure(RequestLocalizationOptions options)
    {
        options.SetDefaultCulture(English).AddSupportedCultures(Supported).AddSupportedUICultures(Supported);
        // Content-Language on every response, so the wire says which language the page speaks.
        options.ApplyCurrentCultureToResponseHeaders = true;
        options.RequestCultureProviders =
        [
            new QueryStringRequestCultureProvider(),
            new CookieRequestCultureProvider(),
            new ChineseAcceptLanguageProvider(),
        ];
    }
}
