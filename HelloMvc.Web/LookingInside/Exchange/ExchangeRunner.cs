using System.Net;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace HelloMvc.Web.LookingInside.Exchange;

/// <summary>
/// The exchanges one viewer page takes: the request the learner asked for; with form=1 the page first, then its form as
/// a browser sends it; with follow=1 each redirect of this site, hop by hop, at most <see cref="MaxRedirects"/>.
/// One cookie jar carries cookies from hop to hop, and one time limit covers them all.
/// </summary>
public sealed class ExchangeRunner(ExchangeClient wire, IOptions<ExchangeOptions> options, IStringLocalizer<ExchangeRunner> localizer)
{
    public const int MaxRedirects = 10;

    /// <param name="viewable">The local path (and query) a site-relative URL names, if the viewer may send to it; else null.</param>
    public async Task<ExchangePage> RunAsync(HttpRequest learner, string path, ExchangeRequest asked, Func<string, string?> viewable)
    {
        var jar = CookieJar.From(learner);
        var exchanges = new List<ExchangeRecord>();
        var notes = new List<string>();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(learner.HttpContext.RequestAborted);
        deadline.CancelAfter(options.Value.Timeout);

        var next = new ExchangeMessage(asked.Method, path, asked.Headers, asked.Body, asked.Type);
        if (asked.Form)
        {
            var page = await wire.SendAsync(learner, new ExchangeMessage("GET", path, []), jar, deadline.Token) with { Label = localizer["The page"] };
            exchanges.Add(page);
            if (page.StatusCode is null) return new ExchangePage(path, asked, exchanges, notes);
            if (FormOf(learner, page, viewable, notes) is not { } form) return new ExchangePage(path, asked, exchanges, notes);
            next = form with { Headers = asked.Headers };
        }

        for (var redirects = 0; ; redirects++)
        {
            var label = asked.Form && redirects == 0 ? localizer["Its form, as a browser sends it"] : asked.Follow ? localizer["Hop {0}", redirects + 1] : null;
            var exchange = await wire.SendAsync(learner, next, jar, deadline.Token) with { Label = label };
            exchanges.Add(exchange);
            if (!asked.Follow || exchange is not { StatusCode: 301 or 302 or 303 or 307 or 308, Location: { } location })
            {
                break;
            }
            if (redirects == MaxRedirects)
            {
                notes.Add(localizer["Stopped after following {0} redirects: a browser would give up on a chain this long too.", MaxRedirects]);
                break;
            }
            if (Resolve(learner, location, next.Path) is not { } local)
            {
                notes.Add(localizer["The last Location, {0}, is not on this site: the viewer shows it and never follows it.", location]);
                break;
            }
            if (viewable(local) is not { } target)
            {
                notes.Add(localizer["The last Location, {0}, is not a page the viewer may ask for, so it stops there.", location]);
                break;
            }
            next = Redirected(next, exchange.StatusCode.Value, target);
        }
        if (jar.Changed)
        {
            notes.Add(localizer["The cookies the site set on the way stayed in the viewer's jar for this page only: your browser's cookies are unchanged."]);
        }
        return new ExchangePage(path, asked, exchanges, notes);
    }

    /// <summary>The page's first form as the request a browser makes when it is submitted, or null (and why) if it cannot be sent.</summary>
    private ExchangeMessage? FormOf(HttpRequest learner, ExchangeRecord page, Func<string, string?> viewable, List<string> notes)
    {
        if (page.Body is not { Length: > 0 } html || PageForm.FirstIn(html) is not { } form)
        {
            notes.Add(localizer["The page has no form to send."]);
            return null;
        }
        var action = form.Action is null ? page.Target : Resolve(learner, form.Action, page.Target) is { } local ? viewable(local) : null;
        if (action is null)
        {
            notes.Add(localizer["The form's action, {0}, is not a page of this site the viewer may send to, so it was not sent.", form.Action ?? ""]);
            return null;
        }
        // As a browser encodes a form: application/x-www-form-urlencoded, spaces as +.
        var fields = string.Join('&', form.Fields.Select(field => $"{WebUtility.UrlEncode(field.Key)}={WebUtility.UrlEncode(field.Value)}"));
        return form.Method == "POST"
            ? new ExchangeMessage("POST", action, [], fields, "application/x-www-form-urlencoded")
            : new ExchangeMessage("GET", $"{action.Split('?')[0]}?{fields}", []);
    }

    /// <summary>
    /// A URL as the page at <paramref name="from"/> means it (relative, site-relative or absolute), as a path and query of
    /// this site with its path base, or null when it names another origin.
    /// </summary>
    private static string? Resolve(HttpRequest learner, string reference, string from)
    {
        if (!Uri.TryCreate($"{learner.Scheme}://{learner.Host.ToUriComponent()}", UriKind.Absolute, out var origin)
            || !Uri.TryCreate(origin, ExchangeClient.Target(learner, from), out var page)
            || !Uri.TryCreate(page, reference, out var resolved)
            || !string.IsNullOrEmpty(resolved.UserInfo)
            || Uri.Compare(resolved, origin, UriComponents.SchemeAndServer, UriFormat.UriEscaped, StringComparison.OrdinalIgnoreCase) != 0)
        {
            return null;
        }
        return resolved.PathAndQuery;
    }

    /// <summary>
    /// The request a browser makes for a redirect (the Fetch standard): 303 asks with GET, and so do 301 and 302 after a
    /// POST, dropping the body; 307 and 308 repeat the method and body; the headers go along.
    /// </summary>
    private static ExchangeMessage Redirected(ExchangeMessage previous, int status, string target)
    {
        var asGet = (status is 301 or 302 && previous.Method == "POST") || (status == 303 && previous.Method is not ("GET" or "HEAD"));
        return asGet
            ? new ExchangeMessage("GET", target, previous.Headers.Where(header => !header.Key.StartsWith("Content-", StringComparison.OrdinalIgnoreCase)).ToList())
            : previous with { Path = target };
    }
}
