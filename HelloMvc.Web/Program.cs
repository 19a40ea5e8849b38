using HelloMvc.Web.Classes;
using HelloMvc.Web.Commands;
using HelloMvc.Web.Hooks;
using HelloMvc.Web.Hosting;
using HelloMvc.Web.Hosting.Caching;
using HelloMvc.Web.Hosting.Sessions;
using HelloMvc.Web.Languages;
using HelloMvc.Web.LookingInside;
using HelloMvc.Web.LookingInside.Journeys;
using HelloMvc.Web.LookingInside.WhatHappened;
using HelloMvc.Web.Models;
using HelloMvc.Web.Routing;
using HelloMvc.Web.TryIt;
using Microsoft.AspNetCore.Mvc;

var builder = WebApplication.CreateBuilder(args);

// How it runs for a class (Hosting/: the address, the proxy, Redis when configured), and the site's instruments.
builder.AddClassroomHosting();
builder.Services.AddLookingInside().AddSiteCommands(args);
// Try it: each lesson's tasks, the learner cookie, and every learner's progress (TryIt/).
builder.Services.AddTryIt(builder.Configuration);
// A class: a teacher starts one, students join it under a name, and the teacher watches the class solve (Classes/).
builder.Services.AddClasses(builder.Configuration);

// Add services to the container: MVC with Razor views, the request hooks (Flask's before_request and after_request)
// as global filters, and an antiforgery token on every form post.
builder.Services.AddControllersWithViews(mvc =>
{
    mvc.Filters.Add<RememberNameFilter>();
    mvc.Filters.Add<ServerTimingFilter>();
    mvc.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
    // A string route value binds as the URL's text: never null for whitespace, %2F as a slash.
    mvc.ModelBinderProviders.Insert(0, new RouteTextModelBinder.Provider());
})
    // Two languages (Languages/): views ask IViewLocalizer, code IStringLocalizer<T>, validation messages the shared
    // resource; the English text is the key, the Chinese sits in Resources/*.zh-Hans.resx.
    .AddViewLocalization()
    .AddDataAnnotationsLocalization(annotations =>
        annotations.DataAnnotationLocalizerProvider = (_, localizers) => localizers.Create(typeof(ValidationMessages)));
builder.Services.AddLocalization(localization => localization.ResourcesPath = SiteLanguages.ResourcesPath);
// Which language a request gets: ?culture=, then the switch's cookie, then Accept-Language; English otherwise.
builder.Services.AddRequestLocalization(SiteLanguages.Configure);
// Route constraints of the site's own, like Flask's converters: {color:color} matches blue, white and red only;
// {number:decimalnumber} is Flask's float, a finite number in invariant form.
builder.Services.AddRouting(routing =>
{
    routing.SetParameterPolicy<ColorRouteConstraint>("color");
    routing.SetParameterPolicy<DecimalNumberRouteConstraint>("decimalnumber");
});

// The session lives on the server, in a distributed cache (memory; Redis when configured); the browser holds its id.
builder.Services.AddDistributedMemoryCache();
builder.Services.AddSession(session =>
{
    session.Cookie.Name = ".HelloMvc.Session";
    session.Cookie.HttpOnly = true;
    session.Cookie.SameSite = SameSiteMode.Lax;
    session.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
    session.Cookie.IsEssential = true;
});

// Flask's teardown_request: the framework's HTTP logging, one line per request, also when the action threw.
builder.Services.AddHttpLogging(TeardownLog.Fields);
// /http/hooks shows when the app started (before_first_request) and each browser's previous teardown line.
builder.Services.AddHookEvidence();

// problem+json for clients that ask for JSON; the output cache; the clock; the route table; the AJAX demos' text.
builder.Services.AddProblemDetails();
builder.Services.AddOutputCache(DeterministicPolicy.Register);
builder.Services.AddSingleton(TimeProvider.System).AddSingleton<RouteTable>().AddSingleton<GeneratedText>();

var app = builder.Build();

// Configure the HTTP request pipeline. The journey first, to see everything the site does with a request the exchange
// viewer marked (LookingInside/; every other request passes straight on). Then how it runs for a class, so that every
// step below sees the client's scheme, host and address (from the proxy) and the path without the path base.
app.UseJourneys();
app.UseClassroomHosting();
// Routing picks the endpoint here, on the path without the path base (left to itself, WebApplication would route before
// the first middleware, before the journey could see it).
app.UseRouting();

// Try it: the server checks each lesson's tasks on the answers it gives a learner (TryIt/). It goes before the error
// handling, the status-code pages and the output cache, so it sees the request as the learner sent it and the final
// status of every answer, whichever of them gave it.
app.UseTryIt();

// The teardown log next, to see every final status, also the 500 an exception becomes: the debugger in Development,
// the site's own 500 page (no stack trace) elsewhere.
app.UseHttpLogging();
if (app.Environment.IsDevelopment())
{
    app.UseDeveloperExceptionPage();
}
else
{
    app.UseExceptionHandler("/error/500");
}
// Every error status without a body (404, 405, a bare StatusCode(418)) re-runs as the site's error page.
app.UseStatusCodePagesWithReExecute("/error/{0}");
// The request's language, before anything renders text (the output cache and MVC): it sets the culture the localizers
// read, and Content-Language on the response. After the error handlers, so that the error page they re-execute passes
// through it too (the exception handler clears the response's headers first).
app.UseRequestLocalization();
// Then the security headers (CSP: scripts from this site only), and a 503 while Redis is down (Hosting/).
app.UseClassroomSafeguards();

app.MapStaticAssets();
app.UseOutputCache();
// "What just happened" shows every cookie a redirect sent: called before the session middleware, it sees the session's.
app.UseWhatHappened();
// The session middleware, only for the actions marked [UsesSession]: no other page reads the store or makes an id.
app.UseWhen(UsesSessionAttribute.IsOn, session => session.UseSession());
app.MapControllers().WithStaticAssets();

// `dotnet run -- hello` and friends (Flask's custom commands) build the app, to read its routes, but never serve it.
if (SiteCommands.Handles(args))
{
    return await SiteCommands.InvokeAsync(app, args);
}
await app.RunAsync();
return 0;
