using Microsoft.AspNetCore.Mvc;

namespace HelloMvc.Web.Hosting.Caching;

/// <summary>
/// <c>Cache-Control: no-store</c>: for a page that shows a cookie or the session, which no browser or proxy may keep a
/// copy of. The framework's own response-cache attribute, with its settings named once.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class NoStoreAttribute : ResponseCacheAttribute
{
    public NoStoreAttribute()
    {
        NoStore = true;
        Location = ResponseCacheLocation.None;
    }
}
