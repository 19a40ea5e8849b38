using HelloMvc.Web.Hosting.Health;
using HelloMvc.Web.Hosting.Proxy;
using HelloMvc.Web.Hosting.Storage;
using HelloMvc.Web.Hosting.Security;

namespace HelloMvc.Web.Hosting;

/// <summary>
/// How the site runs for a class, kept out of the lesson in Program.cs: its address, behind nginx and under a path
/// base (Proxy/), where the session and the data-protection keys live, memory or Redis (Storage/), a 503 while that
/// storage is down, the security headers (Security/) and the health endpoints (Health/). With nothing configured,
/// `dotnet run` needs nothing else.
/// </summary>
public static class ClassroomHostingExtensions
{
    public static WebApplicationBuilder AddClassroomHosting(this WebApplicationBuilder builder)
    {
        // Flask's development server answers on 127.0.0.1:5000, and so does HelloMvc unless --urls,
        // ASPNETCORE_URLS or ASPNETCORE_HTTP_PORTS say otherwise.
        if (builder.Configuration["urls"] is null && builder.Configuration["http_ports"] is null)
        {
            builder.WebHost.UseUrls("http://127.0.0.1:5000");
        }
        // The build keeps wwwroot's compressed and fingerprinted copies in obj/; Development maps them in by
        // itself, and this does the same for a `dotnet run` in Production. After `dotnet publish` it does nothing.
        builder.WebHost.UseStaticWebAssets();

        builder.Services.AddHostingBehindProxy();
        builder.AddSiteStorage();
        builder.Services.AddSiteDefenses();
        return builder;
    }

    /// <summary>
    /// Goes first in the pipeline: every later step sees the client's scheme, host and address (the proxy's
    /// X-Forwarded-*) and the path without the path base, which URL generation then puts back on every link.
    /// </summary>
    public static WebApplication UseClassroomHosting(this WebApplication app)
    {
        app.UseHostingBehindProxy();
        // /healthz (liveness) and /healthz/ready (readiness: Redis answers, when the site uses it).
        app.MapHealthEndpoints();
        return app;
    }

    /// <summary>
    /// After the error handling: what every response carries (the security headers and HSTS, so the error pages get
    /// them too), the exchange viewer's concurrency limit, and a 503 with Retry-After instead of a 500 while the key
    /// ring is unreadable; status-code pages re-run each 503 as the site's error page.
    /// </summary>
    public static WebApplication UseClassroomSafeguards(this WebApplication app)
    {
        app.UseSecurityHeaders();
        // HSTS outside Development, and the exchange viewer's concurrency limit (503 with Retry-After beyond it).
        app.UseSiteDefenses();
        app.UseServiceUnavailableWhileKeysAreUnreadable();
        return app;
    }
}
