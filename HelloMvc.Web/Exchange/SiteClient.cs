using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace HelloMvc.Web.Exchange;

/// <summary>
/// Sends a GET to this site through its own request pipeline, in process, the way the in-memory test server does:
/// a fresh HttpContext from the framework's IHttpContextFactory handed to the pipeline the server runs. No socket,
/// host name or proxy is involved, so it behaves the same everywhere and can reach nothing but this site.
/// </summary>
public sealed class SiteClient(SitePipeline site, IHttpContextFactory contexts, IOptions<ExchangeOptions> options, ILogger<SiteClient> logger)
{
    // What a browser sends on every request: where it goes, what it accepts, who it is, and its cookies,
    // so the session demos show the learner's real state.
    private static readonly string[] ForwardedHeaders =
        [HeaderNames.Host, HeaderNames.Accept, HeaderNames.AcceptLanguage, HeaderNames.UserAgent, HeaderNames.Cookie];

    /// <summary>True for a request this client sent, so the viewer can refuse to look at itself.</summary>
    public static bool IsInsideExchange(HttpContext context) => context.Features.Get<SentBySiteClient>() is not null;

    /// <param name="learner">The request the learner made; its headers are forwarded.</param>
    /// <param name="target">A local path and query, such as /http/set/Grey.</param>
    public async Task<RecordedExchange> GetAsync(HttpRequest learner, string target)
    {
        var request = BuildRequest(learner, target);
        var response = new RecordingResponse(options.Value.BodyLimit);
        using var abort = new CancellationTokenSource();
        var features = new FeatureCollection();
        features.Set<IHttpRequestFeature>(request);
        features.Set<IHttpResponseFeature>(response);
        features.Set(response.BodyFeature);
        features.Set<IHttpRequestLifetimeFeature>(new HttpRequestLifetimeFeature { RequestAborted = abort.Token });
        features.Set<IHttpConnectionFeature>(CopyConnection(learner.HttpContext.Connection));
        features.Set(new SentBySiteClient());

        Task<Exception?> run;
        // A server starts each request in a clean execution context, not inside another request.
        using (ExecutionContext.SuppressFlow())
        {
            run = Task.Run(() => RunAsync(features, response));
        }
        try
        {
            var thrown = await run.WaitAsync(options.Value.Timeout, learner.HttpContext.RequestAborted);
            return Record(target, request, response, thrown);
        }
        catch (TimeoutException)
        {
            return new RecordedExchange(target, RequestText(request), null, null, null,
                $"No answer within {options.Value.Timeout.TotalSeconds:0.#} s: the viewer gave up and aborted the request.");
        }
        finally
        {
            // The request's RequestAborted fires, so a pipeline still at work stops.
            if (!run.IsCompleted)
            {
                await abort.CancelAsync();
            }
        }
    }

    private async Task<Exception?> RunAsync(IFeatureCollection features, RecordingResponse response)
    {
        var context = contexts.Create(features);
        try
        {
            await site.Pipeline(context);
            // An empty body (a redirect, a 204) starts the response here, so its OnStarting headers are there too.
            await context.Response.CompleteAsync();
            return null;
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "An exception escaped the pipeline on the exchange of {Path}", context.Request.Path);
            return exception;
        }
        finally
        {
            // Runs the OnCompleted callbacks, among them the disposal of the request's services.
            await response.CompleteAsync();
            contexts.Dispose(context);
        }
    }

    private static HttpRequestFeature BuildRequest(HttpRequest learner, string target)
    {
        var pathAndQuery = target.Split('#')[0];
        var queryStart = pathAndQuery.IndexOf('?');
        var path = PathString.FromUriComponent(queryStart < 0 ? pathAndQuery : pathAndQuery[..queryStart]);
        var query = QueryString.FromUriComponent(queryStart < 0 ? "" : pathAndQuery[queryStart..]);
        var headers = new HeaderDictionary();
        foreach (var name in ForwardedHeaders)
        {
            if (learner.Headers.TryGetValue(name, out var value))
            {
                headers[name] = value;
            }
        }
        return new HttpRequestFeature
        {
            Protocol = "HTTP/1.1",
            Method = HttpMethods.Get,
            Scheme = learner.Scheme,
            PathBase = learner.PathBase.Value ?? "",
            Path = path.Value ?? "/",
            QueryString = query.Value ?? "",
            RawTarget = (learner.PathBase + path).ToUriComponent() + query.ToUriComponent(),
            Headers = headers,
            Body = Stream.Null,
        };
    }

    private static HttpConnectionFeature CopyConnection(ConnectionInfo learner) => new()
    {
        ConnectionId = learner.Id,
        RemoteIpAddress = learner.RemoteIpAddress,
        RemotePort = learner.RemotePort,
        LocalIpAddress = learner.LocalIpAddress,
        LocalPort = learner.LocalPort,
    };

    private RecordedExchange Record(string target, HttpRequestFeature request, RecordingResponse response, Exception? thrown)
    {
        var status = response.StatusCode;
        var headers = response.Headers;
        string? note = null;
        if (thrown is not null)
        {
            note = "An exception escaped the pipeline (its details are in the server's log). A server answers such a request " +
                   "with a bare 500, or cuts the connection if the response had already started.";
            if (!response.HasStarted)
            {
                status = StatusCodes.Status500InternalServerError;
                headers = new HeaderDictionary();
            }
        }
        var (body, bodyNote) = BodyText(response.Recorder, headers.ContentType);
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} {response.ReasonPhrase ?? ReasonPhrases.GetReasonPhrase(status)}\n");
        AppendHeaders(text, headers);
        if (body.Length > 0)
        {
            text.Append('\n').Append(body);
        }
        return new RecordedExchange(target, RequestText(request), text.ToString(), status, headers.Location, note ?? bodyNote);
    }

    private static string RequestText(HttpRequestFeature request) =>
        AppendHeaders(new StringBuilder($"{request.Method} {request.RawTarget} {request.Protocol}\n"), request.Headers).ToString();

    // One line per value: two cookies set are two Set-Cookie lines, as on the wire.
    private static StringBuilder AppendHeaders(StringBuilder text, IHeaderDictionary headers)
    {
        foreach (var (name, values) in headers)
        {
            foreach (var value in values)
            {
                text.Append(name).Append(": ").Append(value).Append('\n');
            }
        }
        return text;
    }

    private (string Body, string? Note) BodyText(RecordingResponse.BodyRecorder body, string? contentType)
    {
        if (body.BytesWritten == 0)
        {
            return ("", null);
        }
        MediaTypeHeaderValue.TryParse(contentType, out var type);
        if (type is null || !IsText(type))
        {
            return ("", $"The body ({body.BytesWritten:N0} bytes of {contentType ?? "unknown type"}) is not text, so it is not shown.");
        }
        var text = (type.Encoding ?? Encoding.UTF8).GetString(body.Kept.Span);
        return body.BytesWritten > body.Kept.Length
            ? (text, $"The body is {body.BytesWritten:N0} bytes; only the first {options.Value.BodyLimit / 1024} KB are shown.")
            : (text, null);
    }

    private static bool IsText(MediaTypeHeaderValue type) =>
        type.Type.Equals("text", StringComparison.OrdinalIgnoreCase)
        || type.SubTypeWithoutSuffix.Equals("json", StringComparison.OrdinalIgnoreCase)
        || type.SubTypeWithoutSuffix.Equals("xml", StringComparison.OrdinalIgnoreCase)
        || type.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase)
        || type.Suffix.Equals("xml", StringComparison.OrdinalIgnoreCase)
        || type.SubType.Equals("javascript", StringComparison.OrdinalIgnoreCase);

    private sealed class SentBySiteClient;
}
