using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;

namespace HelloMvc.Web.Routing;

/// <summary>
/// A string route value reaches the action as the text the URL carried, like Flask's string converter. MVC's own
/// binder would turn a whitespace-only value (/http/note/%09, /http/set/%E2%80%A8) into null, which the actions
/// never expect; and Kestrel leaves an encoded slash as %2F in the path so routing cannot split on it, which would
/// greet AC%2FDC instead of AC/DC. Values that are not route values bind as before.
/// </summary>
public sealed class RouteTextModelBinder(IModelBinder otherwise) : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext context)
    {
        if (context.ActionContext.RouteData.Values.TryGetValue(context.ModelName, out var value) && value is string text)
        {
            context.Result = ModelBindingResult.Success(text.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase));
            return Task.CompletedTask;
        }
        return otherwise.BindModelAsync(context);
    }

    /// <summary>For every action parameter of type string that is not bound from somewhere else by an attribute ([FromQuery], …).</summary>
    public sealed class Provider : IModelBinderProvider
    {
        public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
            context.Metadata.ModelType == typeof(string)
            && (context.BindingInfo.BindingSource is null || context.BindingInfo.BindingSource == BindingSource.Path)
                ? new RouteTextModelBinder(new SimpleTypeModelBinder(typeof(string), context.Services.GetRequiredService<ILoggerFactory>()))
                : null;
    }
}
