using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace HelloMvc.Web.LookingInside.WhatHappened;

/// <summary>
/// Writes down each redirect of this site, so the page it leads to can show what just happened, the way Flask's flash()
/// carries a message across a redirect in the session. It runs after the redirect result has set Location (and the
/// action its cookies), and before the framework's TempData filter (the outermost result filter) saves TempData into
/// its cookie: TempData must be written before the response starts. Cookies added later, as the response starts (the
/// session's), are added to the record by <see cref="WhatHappenedMiddleware"/>.
/// </summary>
public sealed class WhatHappenedRecorder(ITempDataDictionaryFactory tempDataFactory, IDataProtectionProvider keys) : IAlwaysRunResultFilter
{
    private readonly IDataProtector _probe = keys.CreateProtector(typeof(WhatHappenedRecorder).FullName!);

    // A trail longer than this is a loop, not a lesson; the cookie stays small.
    private const int MostHops = 5;

    public void OnResultExecuting(ResultExecutingContext context)
    {
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
        if (context.Result is not (RedirectResult or LocalRedirectResult or RedirectToActionResult or RedirectToRouteResult))
        {
            return;
        }
        var http = context.HttpContext;
        var response = http.Response;
        // A redirect to another site ends the visit here: nothing of this site will read the trail.
        if (response.HasStarted || response.Headers.Location.ToString() is not ['/', not '/' and not '\\', ..] and not "/")
        {
            return;
        }
        // TempData's cookie is encrypted with the key ring: while it is unreadable (an instance started with Redis down),
        // the redirect goes on without its record rather than failing the page.
        if (!KeyRingIsReadable())
        {
            return;
        }
        var request = http.Request;
        var here = $"{request.PathBase}{request.Path}{request.QueryString}";
        var tempData = tempDataFactory.GetTempData(http);
        var trail = WhatHappenedTempData.TakeLeadingTo(tempData, here).TakeLast(MostHops - 1).ToList();
        var headers = response.Headers.SetCookie.Select(cookie => RedirectStep.SetCookieHeader(cookie!))
            .Prepend($"{HeaderNames.Location}: {response.Headers.Location}")
            .ToList();
        trail.Add(new RedirectStep(here, $"{request.Method} {here} {request.Protocol}",
            $"{request.Protocol} {response.StatusCode} {ReasonPhrases.GetReasonPhrase(response.StatusCode)}", headers));
        WhatHappenedTempData.Put(tempData, trail);
        http.Features.Set(new RecordedRedirect(tempData, trail, response.Headers.SetCookie.Count));
    }

    private bool KeyRingIsReadable()
    {
        try
        {
            _probe.Protect([]);
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
