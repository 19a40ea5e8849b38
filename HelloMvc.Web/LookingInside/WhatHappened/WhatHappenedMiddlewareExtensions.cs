namespace HelloMvc.Web.LookingInside.WhatHappened;

public static class WhatHappenedMiddlewareExtensions
{
    /// <summary>
    /// Shows the cookies a redirect gets as its response starts (the session's) in its record: call it before the
    /// session middleware, so that its callback runs after the session's.
    /// </summary>
    public static IApplicationBuilder UseWhatHappened(this IApplicationBuilder app) => app.UseMiddleware<WhatHappenedMiddleware>();
}
