using System.Globalization;
using Microsoft.Extensions.Localization;

namespace HelloMvc.Web.Languages;

/// <summary>
/// The one resource every validation message comes from (Resources/Languages/ValidationMessages.zh-Hans.resx): the
/// models' attributes name their English message, and the Chinese for it is written once, whichever model uses it.
/// </summary>
public sealed class ValidationMessages
{
    /// <summary>
    /// A message in the request's language, its placeholders filled in. MVC localizes the messages of its own attributes
    /// ([Required], [RegularExpression]); a rule of the site's own builds its message itself and asks here, with the
    /// services of the request it validates (a <see cref="System.ComponentModel.DataAnnotations.ValidationContext"/> is one).
    /// </summary>
    public static string Format(IServiceProvider? services, string message, params object[] values) =>
        services?.GetService(typeof(IStringLocalizer<ValidationMessages>)) is IStringLocalizer<ValidationMessages> localizer
            ? localizer[message, values].Value
            : string.Format(CultureInfo.CurrentCulture, message, values);
}
