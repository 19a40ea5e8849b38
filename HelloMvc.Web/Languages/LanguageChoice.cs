using System.ComponentModel.DataAnnotations;

namespace HelloMvc.Web.Languages;

/// <summary>What the language switch posts: the language chosen, and the page to go back to.</summary>
public sealed class LanguageChoice
{
    [Required(ErrorMessage = "Choose a language.")]
    [AllowedValues(SiteLanguages.English, SiteLanguages.Chinese, ErrorMessage = "The site speaks en and zh-Hans only.")]
    public string? Culture { get; set; }

    /// <summary>The page the switch sat on; redirect-back checks it like any other next.</summary>
    public string? Next { get; set; }
}
