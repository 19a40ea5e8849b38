using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace HelloMvc.Web.LookingInside.Hops;

/// <summary>What "What just happened" shows: the hops, and the name of the cookie that carried them here.</summary>
public sealed record WhatHappened(IReadOnlyList<Hop> Hops, string CookieName);

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
        var hops = HopTrail.TakeLeadingTo(tempDataFactory.GetTempData(HttpContext), $"{request.PathBase}{request.Path}{request.QueryString}");
        return hops.Count == 0 ? Content(string.Empty) : View(new WhatHappened(hops, cookie.Value.Cookie.Name!));
    }
}
