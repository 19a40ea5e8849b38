using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace HelloMvc.Web.LookingInside.Exchange;

/// <summary>
/// The exchanges one viewer page takes: the request the learner asked for; with form=1 the page first, then its form as
/// a browser sends it; with follow=1 each redirect of this site, hop by hop, at most <see cref="MaxRedirects"/>.
/// One cookie jar carries cookies from hop to hop, and one time limit covers them all.
/// </summary>
public sealed class ExchangeRunner(ExchangeClient client, IOptions<ExchangeOptions> options, IStringLocalizer<ExchangeRunner> localizer)
{
    public const int MaxRedirects = 10;

    /// <param name="viewable">The local path (and query) a site-relative URL names, if the viewer may send to it; else null.</param>
    public async Task<ExchangePage> RunAsync(HttpRequest learner, string path, ExchangeRequest asked, Func<string, string?> viewable)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(learner.HttpContext.RequestAborted);
        deadline.CancelAfter(options.Value.Timeout);
        var run = new Run(client, learner, viewable, localizer, deadline.Token);

        var first = asked.Form
            ? await run.FormOfAsync(path) is { } form ? form with { Headers = asked.Headers } : null
            : new ExchangeMessage(asked.Method, path, asked.Headers, asked.Body, asked.Type);
        if (first is not null)
        {
            await run.SendAsync(first, asked.Follow, asked.Form ? localizer["Its form, as a browser sends it"].Value : null);
        }
        return run.Page(path, asked);
    }

    /// <summary>One page's exchanges as they are taken: its jar, what it sent and got, and what it must say.</summary>
    private sealed class Run(
        ExchangeClient client, HttpRequest learner, Func<string, string?> viewable, IStringLocalizer<ExchangeRunner> localizer, CancellationToken deadline)
    {
        private readonly CookieJar _jar = CookieJar.From(learner);
        private readonly List<ExchangeRecord> _exchanges = [];
        private readonly List<string> _notes = [];

        /// <summary>GETs the page, then reads its first form as the request a browser makes when it is submitted; null (and why) if it cannot be sent.</summary>
        public async Task<ExchangeMessage?> FormOfAsync(string path)
        {
            var page = await client.SendAsync(learner, new ExchangeMessage("GET", path, []), _jar, deadline) with { Label = localizer["The page"] };
            _exchanges.Add(page);
            if (page.StatusCode is null)
            {
                return null;
            }
            if (page.Body is not { Length: > 0 } html || AddressOf(page.Target) is not { } address)
            {
                _notes.Add(localizer["The page has no form to send."]);
                return null;
            }
            if (await PageForm.FirstInAsync(html, address, _notes, localizer, deadline) is not { } form)
            {
                return null;
            }
            if (form.Target is null || viewable(form.Target) is not { } action)
            {
                _notes.Add(localizer["The form's action, {0}, is not a page of this site the viewer may send to, so it was not sent.", form.Action]);
                return null;
            }
            return new ExchangeMessage(form.Method, action, [], form.Body, form.Type);
        }

        /// <summary>Sends the message; with follow, then each redirect of this site as a browser would, until an answer that is not one.</summary>
        public async Task SendAsync(ExchangeMessage next, bool follow, string? firstLabel)
        {
            for (var redirects = 0; ; redirects++)
            {
                var label = redirects == 0 && firstLabel is not null ? firstLabel : follow ? localizer["Hop {0}", redirects + 1].Value : null;
                var exchange = await client.SendAsync(learner, next, _jar, deadline) with { Label = label };
                _exchanges.Add(exchange);
                if (!follow || exchange is not { StatusCode: 301 or 302 or 303 or 307 or 308, Location: { } location }
                    || NextHop(location, next.Path, redirects) is not { } target)
                {
                    return;
                }
                next = Redirected(next, exchange.StatusCode.Value, target);
            }
        }

        public ExchangePage Page(string path, ExchangeRequest asked)
        {
            if (_jar.Changed)
            {
                _notes.Add(localizer["The cookies the site set on the way stayed in the viewer's jar for this page only: your browser's cookies are unchanged."]);
            }
            return new ExchangePage(path, asked, _exchanges, _notes);
        }

        /// <summary>The page a Location sends the viewer to, or null (and why) when it stops there.</summary>
        private string? NextHop(string location, string from, int redirects)
        {
            if (redirects == MaxRedirects)
            {
                _notes.Add(localizer["Stopped after following {0} redirects: a browser would give up on a chain this long too.", MaxRedirects]);
                return null;
            }
            if (Resolve(location, from) is not { } local)
            {
                _notes.Add(localizer["The last Location, {0}, is not on this site: the viewer shows it and never follows it.", location]);
                return null;
            }
            if (viewable(local) is not { } target)
            {
                _notes.Add(localizer["The last Location, {0}, is not a page the viewer may ask for, so it stops there.", location]);
                return null;
            }
            return target;
        }

        // Null only for a request without a Host (HTTP/1.0 allows it): then nothing is on this site's origin.
        private Uri? Origin => Uri.TryCreate($"{learner.Scheme}://{learner.Host.ToUriComponent()}", UriKind.Absolute, out var origin) ? origin : null;

        /// <summary>The absolute address of a page of this site, as a browser's address bar shows it.</summary>
        private Uri? AddressOf(string path) =>
            Origin is { } origin && Uri.TryCreate(origin, ExchangeClient.Target(learner, path), out var address) ? address : null;

        /// <summary>
        /// A URL as the page at <paramref name="from"/> means it (relative, site-relative or absolute), as a path and query
        /// of this site with its path base, or null when it names another origin.
        /// </summary>
        private string? Resolve(string reference, string from)
        {
            if (AddressOf(from) is not { } page
                || !Uri.TryCreate(page, reference, out var resolved)
                || !string.IsNullOrEmpty(resolved.UserInfo)
                || Uri.Compare(resolved, Origin, UriComponents.SchemeAndServer, UriFormat.UriEscaped, StringComparison.OrdinalIgnoreCase) != 0)
            {
                return null;
            }
            return resolved.PathAndQuery;
        }
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
