using HelloMvc.Web.Hosting.Proxy.Caching;
using HelloMvc.Web.Commands;
using HelloMvc.Web.LookingInside.Catalog;
using HelloMvc.Web.LookingInside.Exchange;
using HelloMvc.Web.LookingInside.Hops;
using HelloMvc.Web.Models;
using HelloMvc.Web.Hosting.Proxy.Health;
using HelloMvc.Web.Hooks;
using HelloMvc.Web.Hosting.Proxy;
using HelloMvc.Web.Routing;
using HelloMvc.Web.Hosting.Proxy.Security;
using HelloMvc.Web.Hosting.Proxy.Sessions;
using HelloMvc.Web.Hosting.Proxy.Storage;
using HelloMvc.Web.LookingInside.Source;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging.Console;

var builder = WebApplication.CreateBuilder(args);
var runsCommand = SiteCommands.Handles(args);

// Flask's development server answers on 127.0.0.1:5000, and so does HelloMvc unless --urls,
// ASPNETCORE_URLS or ASPNETCORE_HTTP_PORTS say otherwise.
if (builder.Configuration["urls"] is null && builder.Configuration["http_ports"] is null)
{
    builder.WebHost.UseUrls("http://127.0.0.1:5000");
}

// The build keeps wwwroot's compressed and fingerprinted copies in obj/; Development maps them in by
// itself, and this does the same for a `dotnet run` in Production. After `dotnet publish` it does nothing.
builder.WebHost.UseStaticWebAssets();

// Services: MVC with Razor views and the request hooks (Flask's before_request and after_request)
// as global filters; every form post must carry its antiforgery token.
builder.Services.AddControllersWithViews(mvc =>
{
    mvc.Filters.Add<RememberNameFilter>();
    mvc.Filters.Add<ServerTimingFilter>();
    mvc.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
    // A string route value binds as the URL's text: never null for whitespace, %2F as a slash.
    mvc.ModelBinderProviders.Insert(0, new RouteTextModelBinder.Provider());
});
builder.Services.AddProblemDetails();
builder.Services.AddSingleton<RouteTable>();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddRouting(routing => routing.SetParameterPolicy<ColorRouteConstraint>("color"));

// Behind a reverse proxy (X-Forwarded-* from trusted proxies, Secure cookies over https) and under PathBase.
builder.Services.AddHostingBehindProxy();

// Flask's teardown_request: one structured log line per request, written when the response is done,
// also when the action threw (the exception handler has turned it into a 500 by then). It logs at
// Information, which appsettings.Development.json turns on; Production keeps Microsoft.AspNetCore at
// Warning, since a console line per request costs a third of the throughput (docs/PERFORMANCE.md).
builder.Services.AddHttpLogging(logging =>
{
    logging.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath | HttpLoggingFields.RequestQuery
        | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
    logging.CombineLogs = true;
});

// The session lives on the server; the browser only holds an encrypted id in a cookie. Only actions marked
// [UsesSession] load it (see the pipeline below); any other action that touches it fails with a message naming
// the attribute. Session, data-protection keys and output cache are in memory and a local folder, or in Redis
// when ConnectionStrings:Redis is set (Storage/).
builder.AddSiteStorage();
builder.Services.AddSession(session =>
{
    session.Cookie.Name = ".HelloMvc.Session";
    session.Cookie.HttpOnly = true;
    session.Cookie.SameSite = SameSiteMode.Lax;
    session.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
    session.Cookie.IsEssential = true;
});

// The exchange viewer sends its requests over a socket to the address the server listens on.
builder.Services.AddWireClient();

// Every lesson page: its place on the path through the lessons, and what the redirects that led to it did.
builder.Services.AddLessonPath().AddWhatHappened();

// Pages marked [OutputCache(PolicyName = DeterministicPolicy.Name)] (the same answer for everyone) are computed
// once and served from memory; browsers may keep them too, and revalidate with their ETag.
builder.Services.AddOutputCache(DeterministicPolicy.Register);

// The AJAX demos' made-up text: Bogus, seeded from each page number or id.
builder.Services.AddSingleton<GeneratedText>();

// "The code" on every demo page and /source/…: the site's own sources, embedded in the assembly, parsed with Roslyn.
builder.Services.AddSourceListings();

// A command's standard output is its answer (scripts read it), so its logs go to standard error.
if (runsCommand)
{
    builder.Services.Configure<ConsoleLoggerOptions>(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
}

var app = builder.Build();

// Before everything below: the proxy's word (X-Forwarded-*) and the path base, so every later step sees the
// client's scheme, host and address, and the path without its prefix.
app.UseHostingBehindProxy();

// The pipeline: the teardown log comes first, so it sees every request's final status, including the
// 500 that an exception becomes: the developer exception page (the debugger) in Development, the site's
// own 500 page, with no stack trace, everywhere else.
app.UseHttpLogging();
if (app.Environment.IsDevelopment())
{
    app.UseDeveloperExceptionPage();
}
else
{
    app.UseExceptionHandler("/error/500");
}
// CSP (scripts from this site only), nosniff, no framing, same-origin referrers: on every response.
app.UseSecurityHeaders();
// Every error status without a body (404, 405, a bare StatusCode(418)) re-runs as the site's error page.
app.UseStatusCodePagesWithReExecute("/error/{0}");

app.MapStaticAssets();
app.UseOutputCache();
// The session for the actions marked [UsesSession] only. With Redis down, a page that needs the key ring (to encrypt
// a session id or an antiforgery token) or its session answers 503 with Retry-After, not a 500 or an empty session.
app.UseServiceUnavailableWhileKeysAreUnreadable();
app.UseSessionWhereUsedOrServiceUnavailable();
app.MapControllers().WithStaticAssets();
// /healthz (liveness) and /healthz/ready (readiness: Redis answers, when the site uses it).
app.MapHealthEndpoints();

// `dotnet run -- hello` and friends build the app (so they can read its routes) but never start the server.
if (runsCommand)
{
    return await SiteCommands.InvokeAsync(app, args);
}

app.Run();
return 0;

// Visible to WebApplicationFactory<Program> in the tests.
public partial class Program;
