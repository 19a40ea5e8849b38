using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace HelloMvc.Web.LookingInside.WhatHappened;

/// <summary>What "What just happened" shows: the hops, and the name of the cookie that carried them here.</summary>
public sealed record WhatHappenedModel(IReadOnlyList<RedirectStep> Steps, string CookieName);

/// <summary>The hops that led to this page, read from TempData once (a reload, or a page reached directly, shows none).</summary>
public sealed class WhatHappenedViewComponent(ITempDataDictionaryFactory tempDataFactory, IOptions<CookieTempDataProviderOptions> cookie)
    : ViewComponent
{
    public IViewComponentResult Invoke()
    {
        var request = HttpContext.Request;
        // Only a request that carries TempData's cookie can have hops; touching TempData otherwise would make the
        // framework answer every page with a Set-Cookie that deletes it (and a page with Set-Cookie is never cached).
        if (!request.Cookies.ContainsKey(cookie.Value.Cookie.Name!)) return Content(string.Empty);
        var steps = WhatHappenedTempData.TakeLeadingTo(tempDataFactory.GetTempData(HttpContext), $"{request.PathBase}{request.Path}{request.QueryString}");
        return steps.Count == 0 ? Content(string.Empty) : View(new WhatHappenedModel(steps, cookie.Value.Cookie.Name!));
    }
}
