using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace HelloMvc.Web.LookingInside.WhatHappened;

/// <summary>
/// Adds to a redirect's record the cookies its response gets as it starts: the session's, above all, which is what
/// logging in is about. The session middleware sets its cookie in a Response.OnStarting callback, after
/// <see cref="WhatHappenedRecorder"/> wrote the record and the framework saved TempData. The cookie's value is the
/// session key protected with the key ring, which only the session middleware holds, so the record reads it off the
/// response as sent rather than rebuild it. OnStarting callbacks run in reverse order of registration: this one,
/// registered on the way in before the session middleware (Program.cs), runs after the session's, when its Set-Cookie
/// is there. It then saves TempData again in place of its first Set-Cookie, so the response still carries one
/// TempData cookie, with the whole record.
/// </summary>
public sealed class WhatHappenedMiddleware
{
    private readonly RequestDelegate _next;
    private readonly string _tempDataCookie;
    private readonly Func<object, Task> _addLateCookies;

    public WhatHappenedMiddleware(RequestDelegate next, IOptions<CookieTempDataProviderOptions> tempData)
    {
        _next = next;
        _tempDataCookie = tempData.Value.Cookie.Name!;
        _addLateCookies = state => AddLateCookies((HttpContext)state);
    }

    public Task InvokeAsync(HttpContext context)
    {
        // Only an MVC action's redirect is recorded: a static file, a health check or no endpoint at all passes on.
        if (context.GetEndpoint()?.Metadata.GetMetadata<ControllerActionDescriptor>() is not null)
        {
            context.Response.OnStarting(_addLateCookies, context);
        }
        return _next(context);
    }

    private Task AddLateCookies(HttpContext context)
    {
        var response = context.Response;
        var sent = response.Headers.SetCookie;
        // Only a redirect that was recorded, and only when cookies came after its record (its own TempData's aside).
        if (context.Features.Get<RecordedRedirect>() is not { } recorded
            || sent.Skip(recorded.SetCookiesRecorded).Where(cookie => !IsTempData(cookie!)).ToList() is not { Count: > 0 } late)
        {
            return Task.CompletedTask;
        }
        var step = recorded.Trail[^1];
        recorded.Trail[^1] = step with { Headers = [.. step.Headers, .. late.Select(cookie => RedirectStep.SetCookieHeader(cookie!))] };
        response.Headers.SetCookie = new StringValues(sent.Where(cookie => !IsTempData(cookie!)).ToArray());
        try
        {
            WhatHappenedTempData.Put(recorded.TempData, recorded.Trail);
            recorded.TempData.Save();
        }
        catch (CryptographicException)
        {
            // The key ring turned unreadable since the record was written: the redirect keeps the record it had.
            response.Headers.SetCookie = sent;
        }
        return Task.CompletedTask;
    }

    // TempData's cookie, or one of its chunks (its name, then C1, C2…) when it grew past one cookie's size.
    private bool IsTempData(string setCookie)
    {
        var name = setCookie.AsSpan(0, Math.Max(setCookie.IndexOf('='), 0));
        if (!name.StartsWith(_tempDataCookie, StringComparison.Ordinal)) return false;
        var chunk = name[_tempDataCookie.Length..];
        return chunk.IsEmpty || (chunk is ['C', _, ..] && !chunk[1..].ContainsAnyExceptInRange('0', '9'));
    }
}
