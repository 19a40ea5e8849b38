using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Primitives;

namespace HelloMvc.Web.Languages;

/// <summary>
/// The framework's Accept-Language provider, with the names a browser sends for Simplified Chinese read as the site's
/// <c>zh-Hans</c>: <c>zh</c> alone (which is no parent of zh-Hans, so the framework's fallback would miss it),
/// <c>zh-CN</c>, <c>zh-SG</c> and <c>zh-Hans-…</c>. Traditional Chinese (zh-TW, zh-HK) is not what the site speaks.
/// </summary>
public sealed class ChineseAcceptLanguageProvider : AcceptLanguageHeaderRequestCultureProvider
{
    private static readonly string[] SimplifiedChinese = ["zh", "zh-CN", "zh-SG", "zh-Hans"];

    public override async Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        if (await base.DetermineProviderCultureResult(httpContext) is not { } asked)
        {
            return null;
        }
        var cultures = asked.Cultures.Select(name => MeansSimplifiedChinese(name) ? new StringSegment(SiteLanguages.Chinese) : name).ToList();
        return new ProviderCultureResult(cultures);
    }

    private static bool MeansSimplifiedChinese(StringSegment name) =>
        SimplifiedChinese.Any(chinese => name.Equals(chinese, StringComparison.OrdinalIgnoreCase))
        || name.StartsWith("zh-Hans-", StringComparison.OrdinalIgnoreCase);
}
