using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace HelloMvc.Web.Validation;

public static class ModelStateExtensions
{
    /// <summary>
    /// The refusal to show for a model that MVC bound and validated: the first error in the order its properties are
    /// declared, the model's own rules (IValidatableObject) last. A request refused for two reasons names the first
    /// field's; null when the model is valid.
    /// </summary>
    public static string? FirstError<TModel>(this ModelStateDictionary modelState, IModelMetadataProvider metadataProvider)
    {
        var order = metadataProvider.GetMetadataForType(typeof(TModel)).Properties
            .Select(property => property.BinderModelName ?? property.PropertyName)
            .ToList();
        return modelState
            .Where(entry => entry.Value is { Errors.Count: > 0 })
            .OrderBy(entry => Position(order, entry.Key))
            .Select(entry => entry.Value!.Errors[0].ErrorMessage)
            .FirstOrDefault();
    }

    // A key is the property's name, after the model's prefix if MVC bound one (form.name); the model's own errors have none.
    private static int Position(List<string?> order, string key)
    {
        var name = key[(key.LastIndexOf('.') + 1)..];
        var index = order.FindIndex(property => string.Equals(property, name, StringComparison.OrdinalIgnoreCase));
        return index < 0 ? order.Count : index;
    }
}
