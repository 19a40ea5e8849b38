using HelloMvc.Web.Languages;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.AspNetCore.Mvc.Routing;

namespace HelloMvc.Web.LookingInside.Exchange;

/// <summary>
/// The path is one the viewer may ask for (<see cref="ExchangePaths.IsViewable"/>). A validator MVC runs with the action
/// context, because the check needs this request's URL helper and headers; a missing path is refused too.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ViewablePathAttribute : Attribute, IModelValidator
{
    public const string Refusal = "The path must be a local path of this site, such as /http/hello, and not the viewer itself.";

    public IEnumerable<ModelValidationResult> Validate(ModelValidationContext context)
    {
        var services = context.ActionContext.HttpContext.RequestServices;
        var url = services.GetRequiredService<IUrlHelperFactory>().GetUrlHelper(context.ActionContext);
        return ExchangePaths.IsViewable(url, context.Model as string)
            ? []
            : [new ModelValidationResult(memberName: null, ValidationMessages.Format(services, Refusal))];
    }
}
