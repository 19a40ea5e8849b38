using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Diagnostics;

namespace HelloMvc.Tests.Infrastructure;

/// <summary>
/// Which action MVC really ran for a request, heard from MVC's own diagnostic events (BeforeAction), so a test can
/// compare what a page claims about its code with what executed. A request is told apart by a query value of its
/// own, which also makes it miss the output cache, so its action really runs.
/// </summary>
public sealed class ActionsThatRan : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    private const string Marker = "test-request";
    private static readonly Lazy<ActionsThatRan> Instance = new(() =>
    {
        var actions = new ActionsThatRan();
        DiagnosticListener.AllListeners.Subscribe(actions);
        return actions;
    });

    private readonly ConcurrentDictionary<string, ControllerActionDescriptor> _first = new();

    /// <summary>Sends the request, and answers the response with the first action that ran for it (null if none did).</summary>
    public static async Task<(HttpResponseMessage Response, ControllerActionDescriptor? Action)> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        var actions = Instance.Value; // listening before the request starts
        var id = Guid.NewGuid().ToString("N");
        // The marker joins the query, before a fragment (#teardown), which the client never sends.
        var url = request.RequestUri!.OriginalString;
        var fragment = url.Contains('#') ? url[url.IndexOf('#')..] : "";
        url = url[..(url.Length - fragment.Length)];
        request.RequestUri = new Uri(url + (url.Contains('?') ? '&' : '?') + $"{Marker}={id}" + fragment, UriKind.RelativeOrAbsolute);
        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return (response, actions._first.TryRemove(id, out var action) ? action : null);
    }

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == "Microsoft.AspNetCore")
        {
            listener.Subscribe(this, name => name == BeforeActionEventData.EventName);
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        // The error page re-executes in the same request and runs an action of its own: that one is not the demo's.
        if (value.Value is BeforeActionEventData { ActionDescriptor: ControllerActionDescriptor action } ran
            && ran.HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is null
            && ran.HttpContext.Features.Get<IExceptionHandlerFeature>() is null
            && ran.HttpContext.Request.Query[Marker] is [{ } id])
        {
            _first.TryAdd(id, action);
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }
}
