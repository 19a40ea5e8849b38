using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using MediaTypeHeaderValue = Microsoft.Net.Http.Headers.MediaTypeHeaderValue;

using HelloMvc.Web.LookingInside.Journeys;

namespace HelloMvc.Web.LookingInside.Exchange;

/// <summary>
/// Sends a request to this site the way a browser does: over a socket to the address the server listens on, through
/// everything the server does (Kestrel's own headers, its framing, its refusals). HttpClient speaks the protocol;
/// a stream under it keeps the bytes that went out and the status line and headers that came back, so the viewer
/// shows the real message, not an imitation. It never connects anywhere but the server's own address.
/// </summary>
public sealed class ExchangeClient(
    IServer server, JourneyStore journeys, IOptions<ExchangeOptions> options, ILogger<ExchangeClient> logger, IStringLocalizer<ExchangeClient> localizer)
{
    /// <summary>What the viewer adds to its request, as a gateway does, so the site can tell it was the viewer that asked.</summary>
    public const string Via = "1.1 exchange-viewer";

    // What a browser sends on every request: where it goes, what it accepts, who it is, and its cookies,
    // so the session demos show the learner's real state.
    private static readonly string[] ForwardedHeaders =
        [HeaderNames.Accept, HeaderNames.AcceptLanguage, HeaderNames.UserAgent, HeaderNames.Cookie];

    // A status line and its headers; Kestrel's own limit for a request's headers is 32 KB.
    private const int HeadLimit = 64 * 1024;

    private static readonly TimeSpan JourneyWait = TimeSpan.FromSeconds(1);

    /// <summary>True for a request the viewer sent, so the viewer can refuse to look at itself, however the path was spelled.</summary>
    public static bool SentByTheViewer(HttpRequest request) => request.Headers.Via.Any(via => via == Via);

    /// <param name="learner">The request the learner made; its headers are forwarded and its path base kept.</param>
    /// <param name="outgoing">What to send: a method, a local path and query (such as /http/set/Grey), headers, a body.</param>
    /// <param name="jar">The cookies to send, which keeps what the response sets.</param>
    /// <param name="deadline">Cancelled when the page's time is up (or the learner went away).</param>
    public async Task<ExchangeRecord> SendAsync(HttpRequest learner, ExchangeMessage outgoing, CookieJar jar, CancellationToken deadline)
    {
        var (method, path) = (outgoing.Method, outgoing.Path);
        // The same encoder as a redirect's Location: percent-encoded UTF-8, existing escapes kept, the fragment dropped.
        var target = Target(learner, path);
        // A request that came over no socket (the in-memory test host) has no local port, and its server no address to call.
        if (learner.HttpContext.Connection.LocalPort == 0 || OwnAddress(learner.Scheme) is not { } address)
        {
            return new ExchangeRecord(method, path, null, null, null, null,
                localizer["This server has no socket address to send the request to (it runs in memory, as under a test host): the viewer needs a real server, such as the one dotnet run starts."],
                StatusCodes.Status503ServiceUnavailable);
        }

        RecordingStream? wire = null;
        using var handler = HandlerTo(address.EndPoint, recording => wire = recording);
        using var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        using var request = RequestFor(learner, outgoing, RequestUri(address.Origin, target), jar.HeaderFor(PathOf(target)));
        var journey = journeys.Open();
        if (journey is not null)
        {
            request.Headers.TryAddWithoutValidation(JourneyStore.MarkHeader, journey.Id);
        }
        try
        {
            return await ExchangeAsync(client, request, wire: () => wire, method, path, target, journey, learner, jar, deadline);
        }
        finally
        {
            if (journey is not null) journeys.Close(journey);
        }
    }

    /// <summary>
    /// A handler for one exchange: a socket of its own to the server's address, nothing added or undone on the way (no
    /// redirects, cookies, proxy, decompression or trace context), and a stream under HTTP that records the bytes.
    /// </summary>
    private static SocketsHttpHandler HandlerTo(EndPoint endPoint, Action<RecordingStream> recording) => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        UseProxy = false,
        AutomaticDecompression = DecompressionMethods.None,
        // A browser sends no trace context; neither does the viewer.
        ActivityHeadersPropagator = null,
        // Kestrel read the learner's headers as UTF-8 (a cookie may hold Zoë): they go on as the same bytes.
        RequestHeaderEncodingSelector = (_, _) => Encoding.UTF8,
        // A socket of its own, to the address the server listens on, with Nagle's algorithm off: the handler's own
        // connect leaves it on, and a small write then waits for the server's delayed ACK (measured: past 500 ms).
        ConnectCallback = (_, cancel) => ConnectAsync(endPoint, cancel),
        PlaintextStreamFilter = (context, _) =>
        {
            var wire = new RecordingStream(context.PlaintextStream, HeadLimit);
            recording(wire);
            return ValueTask.FromResult<Stream>(wire);
        },
        // The connection goes to this server's own socket, whatever name its certificate carries.
        SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
    };

    /// <summary>The request as a browser would send it: the learner's host and headers, the jar's cookies, then what was given, then the viewer's mark.</summary>
    private static HttpRequestMessage RequestFor(HttpRequest learner, ExchangeMessage outgoing, Uri uri, IReadOnlyList<string> cookies)
    {
        var request = new HttpRequestMessage(new HttpMethod(outgoing.Method), uri);
        if (learner.Host.HasValue)
        {
            // An internationalised host goes out as the punycode the wire carries (xn--…), never as raw UTF-8.
            request.Headers.TryAddWithoutValidation(HeaderNames.Host, learner.Host.ToUriComponent());
        }
        var given = outgoing.Headers.Select(header => header.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var name in ForwardedHeaders.Where(name => !given.Contains(name)))
        {
            IReadOnlyList<string?> values = name == HeaderNames.Cookie ? (IReadOnlyList<string?>)cookies : learner.Headers[name].ToArray();
            if (values.Count > 0)
            {
                request.Headers.TryAddWithoutValidation(name, values);
            }
        }
        if (outgoing.Body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(outgoing.Body));
            if (outgoing.Type is not null) request.Content.Headers.TryAddWithoutValidation(HeaderNames.ContentType, outgoing.Type);
        }
        foreach (var (name, value) in outgoing.Headers)
        {
            // Content-Type and its kind belong to the body: a header given without one makes an empty body to carry it.
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                request.Content ??= new ByteArrayContent([]);
                request.Content.Headers.Remove(name);
                request.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }
        request.Headers.TryAddWithoutValidation(HeaderNames.Via, Via);
        return request;
    }

    private async Task<ExchangeRecord> ExchangeAsync(
        HttpClient client, HttpRequestMessage request, Func<RecordingStream?> wire, string method, string path, string target,
        Journey? journey, HttpRequest learner, CookieJar jar, CancellationToken deadline)
    {
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline);
        }
        catch (Exception e) when (e is OperationCanceledException or HttpRequestException or IOException)
        {
            var timedOut = e is OperationCanceledException && !learner.HttpContext.RequestAborted.IsCancellationRequested;
            if (!timedOut) logger.LogWarning(e, "The exchange of {Target} got no answer", target);
            return new ExchangeRecord(method, path, wire() is { } sent ? Text(sent.BytesWritten) : null, null, null, null,
                timedOut
                    ? localizer["No answer within {0} s: the viewer gave up and closed the connection.", Seconds(options.Value.Timeout)]
                    : localizer["No answer: the connection failed ({0}).", e.Message],
                timedOut ? StatusCodes.Status504GatewayTimeout : StatusCodes.Status502BadGateway);
        }
        using (response)
        {
            var (body, note) = await ReadBodyAsync(response, deadline);
            var head = Text(Head(wire()!.BytesRead));
            var setCookies = response.Headers.TryGetValues(HeaderNames.SetCookie, out var values) ? values.ToList() : [];
            jar.Keep(setCookies, PathOf(target), DateTimeOffset.UtcNow);
            var (steps, journeyNote) = await JourneyOfAsync(journey);
            return new ExchangeRecord(method, path, Text(wire()!.BytesWritten), body.Length > 0 ? $"{head}\n\n{body}" : head,
                (int)response.StatusCode, response.Headers.Location?.OriginalString, note)
            {
                Body = body, SetCookies = setCookies, Journey = steps, JourneyNote = journeyNote,
            };
        }
    }

    /// <summary>
    /// The journey once the site has finished the request: the last bytes of a response can reach the viewer a moment
    /// before the server's pipeline has returned, so the viewer waits for that, briefly.
    /// </summary>
    private async Task<(IReadOnlyList<JourneyStep>? Steps, string? Note)> JourneyOfAsync(Journey? journey)
    {
        if (journey is null)
        {
            return (null, localizer["The viewer is recording as many journeys as it may at once, so this one was not recorded."]);
        }
        var ended = await journey.Ended.WaitAsync(JourneyWait).ContinueWith(task => task.IsCompletedSuccessfully, TaskScheduler.Default);
        var steps = journey.Steps();
        string? note = !ended ? localizer["The request had not left the pipeline {0} s after its answer came: its journey is shown as far as it went.", Seconds(JourneyWait)].Value
            : journey.Dropped > 0 ? localizer["{0} more steps were not kept.", journey.Dropped].Value
            : null;
        return (steps.Count == 0 ? null : steps, note);
    }

    /// <summary>
    /// The address to send to: the target on the server's origin, its dot segments resolved as a browser resolves them,
    /// and otherwise as written. System.Uri alone would also turn an escape such as %7E back into ~ (a form's query
    /// holds one for each ~ typed), which a browser never does.
    /// </summary>
    private static Uri RequestUri(Uri origin, string target)
    {
        var resolved = new Uri(origin, target);
        var hasDotSegments = target.Split('?')[0].Split('/').Any(segment => segment.Replace("%2e", ".", StringComparison.OrdinalIgnoreCase) is "." or "..");
        return hasDotSegments
            ? resolved
            : new Uri(resolved.GetLeftPart(UriPartial.Authority) + target, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
    }

    private static string PathOf(string target) => PathString.FromUriComponent(target.Split('?')[0]).Value ?? "/";

    /// <summary>The request target: the learner's path base, then the path percent-encoded as UTF-8 (escapes kept, no fragment).</summary>
    public static string Target(HttpRequest learner, string path) =>
        learner.PathBase.ToUriComponent() + UriHelper.Encode(new Uri(path.Split('#')[0], UriKind.Relative));

    private async Task<(string Body, string? Note)> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancel)
    {
        var limit = options.Value.BodyLimit;
        var kept = new byte[limit + 1];
        var length = 0;
        string? broken = null;
        try
        {
            // De-chunked by HttpClient; read a byte past the limit to know whether the body goes on.
            await using var stream = await response.Content.ReadAsStreamAsync(cancel);
            for (int read; length < kept.Length && (read = await stream.ReadAsync(kept.AsMemory(length), cancel)) > 0;)
            {
                length += read;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or HttpRequestException or IOException)
        {
            broken = e is OperationCanceledException
                ? localizer["The body did not end within {0} s: the viewer closed the connection.", Seconds(options.Value.Timeout)]
                : localizer["The connection closed before the body was complete: the server hit an error after it had started answering (its details are in the server's log)."];
        }
        if (length == 0)
        {
            return ("", broken);
        }
        var type = response.Content.Headers.ContentType?.ToString();
        MediaTypeHeaderValue.TryParse(type, out var mediaType);
        if (mediaType is null || !IsText(mediaType))
        {
            return ("", broken ?? localizer["The body ({0} of {1}) is not text, so it is not shown.", Size(response, length), type ?? localizer["unknown type"]]);
        }
        var shown = Math.Min(length, limit);
        var text = (mediaType.Encoding ?? Encoding.UTF8).GetString(kept, 0, shown);
        return length > limit
            ? (text, broken ?? localizer["The body is {0}; only the first {1} KB are shown.", Size(response, length), limit / 1024])
            : (text, broken);
    }

    private string Size(HttpResponseMessage response, int read) =>
        response.Content.Headers.ContentLength is { } total ? localizer["{0:N0} bytes", total]
        : read > options.Value.BodyLimit ? localizer["over {0} KB", options.Value.BodyLimit / 1024] : localizer["{0:N0} bytes", read];

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);

    private static bool IsText(MediaTypeHeaderValue type) =>
        type.Type.Equals("text", StringComparison.OrdinalIgnoreCase)
        || type.SubTypeWithoutSuffix.Equals("json", StringComparison.OrdinalIgnoreCase)
        || type.SubTypeWithoutSuffix.Equals("xml", StringComparison.OrdinalIgnoreCase)
        || type.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase)
        || type.Suffix.Equals("xml", StringComparison.OrdinalIgnoreCase)
        || type.SubType.Equals("javascript", StringComparison.OrdinalIgnoreCase);

    /// <summary>The status line and headers: everything before the first empty line.</summary>
    private static ReadOnlySpan<byte> Head(ReadOnlySpan<byte> read)
    {
        var end = read.IndexOf("\r\n\r\n"u8);
        return end < 0 ? read : read[..end];
    }

    // A head is ASCII but for the forwarded headers, which Kestrel took as UTF-8. Lines end in CRLF on the wire.
    private static string? Text(ReadOnlySpan<byte> bytes) =>
        bytes.IsEmpty ? null : Encoding.UTF8.GetString(bytes).Replace("\r\n", "\n").TrimEnd('\n');

    private static async ValueTask<Stream> ConnectAsync(EndPoint endPoint, CancellationToken cancel)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(endPoint, cancel);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private sealed record Address(Uri Origin, EndPoint EndPoint);

    /// <summary>
    /// Where this server listens, from its own list of addresses: the learner's scheme if it listens on it, else the
    /// first http address. A wildcard bind (http://+:80, 0.0.0.0, [::]) is reached on loopback. Null when the server
    /// has no socket (the in-memory test host).
    /// </summary>
    private Address? OwnAddress(string scheme)
    {
        var bindings = (server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
            .Select(BindingAddress.Parse)
            .Where(binding => !binding.IsUnixPipe && binding.Port > 0)
            .ToList();
        var binding = bindings.FirstOrDefault(b => b.Scheme == scheme) ?? bindings.FirstOrDefault(b => b.Scheme == Uri.UriSchemeHttp);
        if (binding is null)
        {
            return null;
        }
        EndPoint endPoint = binding.Host switch
        {
            "+" or "*" or "localhost" => new IPEndPoint(IPAddress.Loopback, binding.Port),
            _ when IPAddress.TryParse(binding.Host, out var ip) => new IPEndPoint(
                ip.Equals(IPAddress.Any) ? IPAddress.Loopback : ip.Equals(IPAddress.IPv6Any) ? IPAddress.IPv6Loopback : ip, binding.Port),
            _ => new DnsEndPoint(binding.Host, binding.Port),
        };
        var host = endPoint is IPEndPoint { Address: var address } ? new IPEndPoint(address, binding.Port).ToString() : $"{binding.Host}:{binding.Port}";
        return new Address(new Uri($"{binding.Scheme}://{host}"), endPoint);
    }
}
