using HelloMvc.Web.Commands;
using HelloMvc.Web.Generated;
using HelloMvc.Web.Routing;
using HelloMvc.Web.Security;
using Microsoft.Extensions.Logging.Console;

var builder = WebApplication.CreateBuilder(args);
var runsCommand = SiteCommands.Handles(args);

// Flask's development server answers on 127.0.0.1:5000, and so does HelloMvc unless --urls,
// ASPNETCORE_URLS or ASPNETCORE_HTTP_PORTS say otherwise.
if (builder.Configuration["urls"] is null && builder.Configuration["http_ports"] is null)
{
    builder.WebHost.UseUrls("http://127.0.0.1:5000");
}

// Services: MVC with Razor views, problem details for clients that ask for JSON, and the route table.
builder.Services.AddControllersWithViews();
builder.Services.AddProblemDetails();
builder.Services.AddSingleton<RouteTable>();
// The AJAX demos' made-up text: Bogus, seeded from each page number or id.
builder.Services.AddSingleton<GeneratedText>();

// A command's standard output is its answer (scripts read it), so its logs go to standard error.
if (runsCommand)
{
    builder.Services.Configure<ConsoleLoggerOptions>(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
}

var app = builder.Build();

// The pipeline: in Development the framework shows its developer exception page by itself;
// everywhere else an exception becomes the site's 500 page, with no stack trace.
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error/500");
}
// CSP (scripts from this site only), nosniff, no framing, same-origin referrers: on every response.
app.UseSecurityHeaders();
// Every error status without a body (404, 405, a bare StatusCode(418)) re-runs as the site's error page.
app.UseStatusCodePagesWithReExecute("/error/{0}");

app.MapStaticAssets();
app.MapControllers().WithStaticAssets();

// `dotnet run -- hello` and friends build the app (so they can read its routes) but never start the server.
if (runsCommand)
{
    return await SiteCommands.InvokeAsync(app, args);
}

app.Run();
return 0;

// Visible to WebApplicationFactory<Program> in the tests.
public partial class Program;
