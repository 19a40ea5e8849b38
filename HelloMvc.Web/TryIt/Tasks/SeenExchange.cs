using HelloMvc.Web.Redirects;
using HelloMvc.Web.TryIt.Progress;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;

namespace HelloMvc.Web.TryIt.Tasks;

/// <summary>
/// What the server saw of one request of a learner, once its response was decided: the request as the learner sent it
/// (before any error page re-executed it), the status and headers that went back, and what the learner had done
/// before. A task's predicate reads only this.
/// </summary>
public sealed record SeenExchange(HttpContext Context, string Method, PathString Path, QueryString QueryString, IQueryCollection Query)
{
    /// <summary>The route values the task's template took from the path (no constraints: /http/goback/99999999999 has a year).</summary>
    public RouteValueDictionary Values { get; init; } = new();

    public int Status { get; init; }

    /// <summary>The response's media type, without its parameters (application/json), or null.</summary>
    public string? MediaType { get; init; }

    /// <summary>The response's Location header, or null.</summary>
    public string? Location { get; init; }

    /// <summary>What this learner had done before this request.</summary>
    public LearnerProgress Progress { get; init; } = LearnerProgress.Empty;

    /// <summary>The latest near miss of the task being checked, before this request: the history a task needs.</summary>
    public NearMiss? Previous { get; init; }

    /// <summary>The request line a learner reads: method, path and query as they travel (percent-encoded), bounded.</summary>
    public string RequestLine
    {
        get
        {
            var line = $"{Method} {Path.ToUriComponent()}{QueryString.ToUriComponent()}";
            return line.Length <= MaxRequestLine ? line : line[..MaxRequestLine] + "…";
        }
    }

    public const int MaxRequestLine = 200;

    /// <summary>A page came back: 200, or 304 when the browser already held it and the server said so (its cached pages).</summary>
    public bool IsOk => Status is StatusCodes.Status200OK or StatusCodes.Status304NotModified;

    public bool IsGet => HttpMethods.IsGet(Method) || HttpMethods.IsHead(Method);

    /// <summary>A route value as text ("" when the template has none).</summary>
    public string Value(string name) => Values.TryGetValue(name, out var value) ? value?.ToString() ?? "" : "";

    /// <summary>A query value as text ("" when the query has none).</summary>
    public string QueryValue(string name) => Query[name].ToString();

    public string Cookie(string name) => Context.Request.Cookies[name] ?? "";

    public string Header(string name) => Context.Request.Headers[name].ToString();

    /// <summary>The Location's path, the site's path base taken off, without its query: where a redirect sends the browser.</summary>
    public string? LocationPath
    {
        get
        {
            if (Location is not { Length: > 0 } location || !location.StartsWith('/') || location.StartsWith("//")) return null;
            var path = new PathString(Uri.UnescapeDataString(location.Split(['?', '#'], 2)[0]));
            return path.StartsWithSegments(Context.Request.PathBase, out var rest) ? rest.Value : path.Value;
        }
    }

    /// <summary>Whether a URL leads off this site by the site's own redirect-back rule (SafeRedirectExtensions).</summary>
    public bool LeadsOffThisSite(string url) =>
        new UrlHelper(new ActionContext(Context, new RouteData(), new ActionDescriptor())).ToSafeLocalUrl(url) is null;

    /// <summary>The status line's reason phrase, for a near miss that has nothing better to say.</summary>
    public string Reason => ReasonPhrases.GetReasonPhrase(Status) is { Length: > 0 } phrase ? phrase : "an answer";
}
