using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Diagnostics;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Razor;

namespace HelloMvc.Web.LookingInside.Journeys;

/// <summary>
/// Listens, once for the life of the site, to what ASP.NET Core reports on its DiagnosticListener
/// ("Microsoft.AspNetCore": routing's match, MVC's before/after events for the action, each filter, the action method,
/// the result, the view and each Razor page) and keeps the reports of the viewer's own requests in their journeys.
/// IsEnabled is false unless the code runs for a request the viewer marked, so the framework skips its reports, and their
/// cost, for every other request.
/// </summary>
public sealed class JourneyRecorder(DiagnosticListener listener) : IHostedService, IObserver<KeyValuePair<string, object?>>
{
    internal const string RequestActivity = "Microsoft.AspNetCore.Hosting.HttpRequestIn";
    private const string Mvc = "Microsoft.AspNetCore.Mvc.";
    private const string EndpointMatched = "Microsoft.AspNetCore.Routing.EndpointMatched";

    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = listener.Subscribe(this, IsEnabled);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    internal static bool IsEnabled(string name, object? payload, object? _) =>
        JourneyStore.Current.Value is not null
        // Razor's instrumentation reports every literal a page writes: not a step.
        && ((name.StartsWith(Mvc, StringComparison.Ordinal) && !name.Contains("Instrumentation", StringComparison.Ordinal))
            || name is EndpointMatched || name.EndsWith("UnhandledException", StringComparison.Ordinal)
            || name is "Microsoft.AspNetCore.Diagnostics.HandledException");

    public void OnNext(KeyValuePair<string, object?> report)
    {
        var at = Stopwatch.GetTimestamp();
        // The journey of the flow this runs in, and only if the report is about that very request.
        if (JourneyStore.Current.Value is { } journey && journey.IsFor(ContextOf(report.Value)))
        {
            journey.Add(at, report.Key, SubjectOf(report.Key, report.Value));
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    private static HttpContext? ContextOf(object? payload) => payload switch
    {
        HttpContext context => context,
        BeforeViewComponentEventData e => e.ViewComponentContext.ViewContext.HttpContext,
        AfterViewComponentEventData e => e.ViewComponentContext.ViewContext.HttpContext,
        EventData data => data.Select(pair => pair.Value switch
        {
            HttpContext context => context,
            ActionContext action => action.HttpContext,
            _ => null,
        }).FirstOrDefault(context => context is not null),
        // The exception events carry an anonymous { httpContext, exception }.
        { } other => other.GetType().GetProperty("httpContext")?.GetValue(other) as HttpContext,
        _ => null,
    };

    /// <summary>What a report is about, in a few words: a route and action, a filter and its method, a result, a view's path.</summary>
    private static string? SubjectOf(string name, object? payload) => payload switch
    {
        HttpContext context when name is EndpointMatched => Endpoint(context),
        BeforeActionEventData e => ActionName(e.ActionDescriptor),
        BeforeControllerActionMethodEventData e => $"{ActionName(e.ActionContext.ActionDescriptor)}({Arguments(e.ActionArguments)})",
        AfterControllerActionMethodEventData e => e.Result?.GetType().Name,
        BeforeActionResultEventData e => e.Result.GetType().Name,
        ViewFoundEventData e => $"{e.ViewName}: {(e.View as RazorView)?.Path ?? e.View.GetType().Name}",
        ViewNotFoundEventData e => $"{e.ViewName}, searched {string.Join(", ", e.SearchedLocations)}",
        BeforeViewEventData e => (e.View as RazorView)?.Path ?? e.View.GetType().Name,
        BeforeViewPageEventData e => e.Page.Path,
        BeforeViewComponentEventData e => e.ViewComponentContext.ViewComponentDescriptor.ShortName,
        EventData data when data.FirstOrDefault(pair => pair.Key == "Filter").Value is IFilterMetadata filter =>
            $"{filter.GetType().Name}.{Method(name)}",
        _ when name.EndsWith("Exception", StringComparison.Ordinal) =>
            (payload?.GetType().GetProperty("exception")?.GetValue(payload) as Exception)?.GetType().Name,
        _ => null,
    };

    private static string Endpoint(HttpContext context) => context.GetEndpoint() switch
    {
        RouteEndpoint route when route.Metadata.GetMetadata<ControllerActionDescriptor>() is { } action =>
            $"{route.RoutePattern.RawText} → {ActionName(action)}",
        RouteEndpoint route => $"{route.RoutePattern.RawText} → {route.DisplayName}",
        { } endpoint => endpoint.DisplayName ?? "an endpoint",
        null => "no endpoint",
    };

    private static string? ActionName(Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor action) =>
        action is ControllerActionDescriptor controller ? $"{controller.ControllerTypeInfo.Name}.{controller.MethodInfo.Name}" : action.DisplayName;

    private static string Arguments(IReadOnlyDictionary<string, object> arguments) =>
        string.Join(", ", arguments.Take(8).Select(pair => $"{pair.Key}: {Value(pair.Value)}"));

    private static string Value(object? value) => value switch
    {
        null => "null",
        string text => $"\"{Shortened(text)}\"",
        _ => Shortened(value.ToString() ?? ""),
    };

    private static string Shortened(string text) => text.Length > 60 ? text[..60] + "…" : text;

    /// <summary>The filter's method a filter report is about, from its name: BeforeOnActionExecuting is OnActionExecuting.</summary>
    private static string Method(string name) => ShortName(name) is var shortName && shortName.StartsWith("Before", StringComparison.Ordinal)
        ? shortName["Before".Length..]
        : shortName.StartsWith("After", StringComparison.Ordinal) ? shortName["After".Length..] : shortName;

    private static string ShortName(string name) => name[(name.LastIndexOf('.') + 1)..];

    internal static string AfterOf(string before)
    {
        var dot = before.LastIndexOf('.') + 1;
        return string.Concat(before.AsSpan(0, dot), "After", before.AsSpan(dot + "Before".Length));
    }

    /// <summary>Whether a report opens a step, closes one or stands alone, and the step's name as the page shows it.</summary>
    internal static (StepKind Kind, string What) Describe(string name)
    {
        var shortName = ShortName(name);
        var kind = shortName.StartsWith("Before", StringComparison.Ordinal) ? StepKind.Before
            : shortName.StartsWith("After", StringComparison.Ordinal) ? StepKind.After
            : StepKind.Point;
        var what = name switch
        {
            RequestActivity + ".Start" => "request in",
            RequestActivity + ".Stop" => "through the pipeline",
            EndpointMatched => "routing matched",
            _ when name.EndsWith("Exception", StringComparison.Ordinal) => "exception",
            _ => Method(name) switch
            {
                "Action" => "action",
                "ControllerActionMethod" or "ActionMethod" => "action method",
                "ActionResult" => "result",
                "View" => "view",
                "ViewPage" => "Razor page",
                "ViewComponent" => "view component",
                "ViewFound" => "view found",
                "ViewNotFound" => "view not found",
                var method when method.StartsWith("On", StringComparison.Ordinal) => "filter",
                var other => other,
            },
        };
        return (kind, what);
    }
}
