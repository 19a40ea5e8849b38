namespace HelloMvc.Web.Languages;

/// <summary>
/// The one resource every validation message comes from (Resources/Languages/ValidationMessages.zh-Hans.resx): the
/// models' attributes name their English message, and the Chinese for it is written once, whichever model uses it.
/// </summary>
public sealed class ValidationMessages;
