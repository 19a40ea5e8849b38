using HelloMvc.Web.Hosting.Caching;
using HelloMvc.Web.Hosting.Proxy;
using HelloMvc.Web.Redirects;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace HelloMvc.Web.Languages;

/// <summary>The language switch on every page ("English / 中文").</summary>
[Route("culture")]
public class CultureController(IAntiforgery antiforgery, TimeProvider clock) : Controller
{
    // The switch: the choice goes into the framework's culture cookie for a year, then back to the page it came from,
    // by the site's own redirect-back rules (never off the site).
    [HttpPost("")]
    public IActionResult Switch([FromForm] LanguageChoice choice)
    {
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }
        Response.Cookies.Append(SiteLanguages.CookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(choice.Culture!)),
            new CookieOptions
            {
                Path = Request.SiteCookiePath(), Expires = clock.GetUtcNow().Add(SiteLanguages.ChoiceLifetime),
                HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true,
            });
        return this.RedirectBack(choice.Next, fallback: Url.Content("~/"));
    }

    // The switch sits on pages the output cache shares between browsers, which therefore carry no token of anyone's:
    // the switch's script asks for this browser's token here as the learner clicks.
    [HttpGet("token")]
    [NoStore]
    public IActionResult Token()
    {
        var tokens = antiforgery.GetAndStoreTokens(HttpContext);
        return Json(new { field = tokens.FormFieldName, token = tokens.RequestToken });
    }
}
