using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace HelloMvc.Web.LookingInside.Exchange;

/// <summary>
/// Binds the viewer's path as a path of this site: the links the site makes carry its path base (a Location under
/// /hellomvc says /hellomvc/http/hello), and the page they name is /http/hello. The text is kept as given otherwise,
/// blank included, so that <see cref="ViewablePathAttribute"/> judges it.
/// </summary>
public sealed class SitePathModelBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var value = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (value != ValueProviderResult.None)
        {
            bindingContext.ModelState.SetModelValue(bindingContext.ModelName, value);
            bindingContext.Result = ModelBindingResult.Success(ExchangePaths.WithoutPathBase(bindingContext.HttpContext.Request, value.FirstValue));
        }
        return Task.CompletedTask;
    }
}
