using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Localization;

namespace HelloMvc.Tests.Infrastructure;

/// <summary>
/// The site's localizers, watched: every text a Chinese page asked for and found no Chinese for. The framework falls
/// back to the English key silently, so without this an untranslated line would just show English on a Chinese page.
/// </summary>
public sealed class MissingTranslations(IStringLocalizerFactory inner, ConcurrentDictionary<string, byte> missing) : IStringLocalizerFactory
{
    public const string Chinese = "zh-Hans";

    public IStringLocalizer Create(Type resourceSource) => new Watched(inner.Create(resourceSource), resourceSource.Name, this);

    public IStringLocalizer Create(string baseName, string location) => new Watched(inner.Create(baseName, location), baseName, this);

    private LocalizedString Seen(LocalizedString text, string resource)
    {
        if (text.ResourceNotFound && CultureInfo.CurrentUICulture.Name == Chinese) missing.TryAdd($"{resource}: {text.Name}", 0);
        return text;
    }

    private sealed class Watched(IStringLocalizer inner, string resource, MissingTranslations watch) : IStringLocalizer
    {
        public LocalizedString this[string name] => watch.Seen(inner[name], resource);

        public LocalizedString this[string name, params object[] arguments] => watch.Seen(inner[name, arguments], resource);

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);
    }
}
