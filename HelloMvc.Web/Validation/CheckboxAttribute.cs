using HelloMvc.Web.Languages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace HelloMvc.Web.Validation;

/// <summary>
/// A bool bound the way an HTML checkbox sends it: a checked box sends its value (one of <see cref="On"/>, in any case),
/// an unchecked one sends nothing; a blank value or one of <see cref="Off"/> is off too. Any other value is a binding
/// error with <see cref="ErrorMessage"/>: refused in plain words, never taken as off in silence. MVC's own bool binder
/// reads only true and false, and a link says form=1.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class CheckboxAttribute(params string[] on) : ModelBinderAttribute(typeof(CheckboxModelBinder))
{
    public IReadOnlyList<string> On { get; } = on;

    public string[] Off { get; set; } = [];

    public string ErrorMessage { get; set; } = "A checkbox sends its value or nothing.";

    internal bool? Read(string? value) =>
        string.IsNullOrWhiteSpace(value) || Off.Contains(value, StringComparer.OrdinalIgnoreCase) ? false
        : On.Contains(value, StringComparer.OrdinalIgnoreCase) ? true
        : null;
}

/// <summary>Binds a property marked <see cref="CheckboxAttribute"/> by the values that attribute names.</summary>
internal sealed class CheckboxModelBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var value = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (value == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }
        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, value);
        var checkbox = ((DefaultModelMetadata)bindingContext.ModelMetadata).Attributes.Attributes.OfType<CheckboxAttribute>().Single();
        if (checkbox.Read(value.FirstValue) is { } on)
        {
            bindingContext.Result = ModelBindingResult.Success(on);
        }
        else
        {
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName,
                ValidationMessages.Format(bindingContext.HttpContext.RequestServices, checkbox.ErrorMessage));
        }
        return Task.CompletedTask;
    }
}
