using System.Net.Sockets;
using System.Text;

namespace HelloMvc.Tests.Infrastructure;

/// <summary>A response as the socket carried it: the status line, every header in order, and the body (de-chunked).</summary>
public sealed record RawResponse(string StatusLine, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body)
{
    public int Status => int.Parse(StatusLine.Split(' ')[1]);

    /// <summary>The one value of a header (names are case-insensitive), or null.</summary>
    public string? Header(string name) =>
        Headers.SingleOrDefault(header => header.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

    public string? MediaType => Header("Content-Type")?.Split(';')[0].Trim();

    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>The status line and header lines, as the exchange viewer shows them.</summary>
    public IReadOnlyList<string> HeadLines => [StatusLine, .. Headers.Select(header => $"{header.Key}: {header.Value}")];
}

/// <summary>
/// One keep-alive connection to the site that writes bytes exactly as given (what HttpClient refuses to send
/// included) and reads the raw response within a bounded time. A response that closes the connection ends it.
/// </summary>
public sealed class RawConnection : IAsyncDisposable
{
    private const int HeadLimit = 1024 * 1024;
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    private RawConnection(Socket socket)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
    }

    /// <summary>False once the server said Connection: close or closed it.</summary>
    public bool IsOpen { get; private set; } = true;

    public static async Task<RawConnection> OpenAsync(Uri site, CancellationToken cancel)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(site.Host, site.Port, cancel);
            return new RawConnection(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Writes the request and reads its response; a TimeoutException when none came whole within the limit.</summary>
    public async Task<RawResponse> SendAsync(byte[] request, TimeSpan limit, bool isHead = false)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(limit);
        try
        {
            await _stream.WriteAsync(request, timeout.Token);
            return await ReadResponseAsync(isHead, timeout.Token);
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            IsOpen = false;
            throw new TimeoutException($"No whole response within {limit.TotalSeconds} s");
        }
    }

    private async Task<RawResponse> ReadResponseAsync(bool isHead, CancellationToken cancel)
    {
        var statusLine = await ReadLineAsync(cancel);
        var headers = new List<KeyValuePair<string, string>>();
        for (var line = await ReadLineAsync(cancel); line.Length > 0; line = await ReadLineAsync(cancel))
        {
            var colon = line.IndexOf(':');
            headers.Add(new(line[..colon], line[(colon + 1)..].Trim()));
        }
        var response = new RawResponse(statusLine, headers, []);
        if (response.Header("Connection")?.Contains("close", StringComparison.OrdinalIgnoreCase) == true)
        {
            IsOpen = false;
        }
        if (isHead || response.Status is 204 or 304 || response.Status < 200)
        {
            return response;
        }
        if (response.Header("Transfer-Encoding")?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true)
        {
            var body = new MemoryStream();
            for (var size = ChunkSize(await ReadLineAsync(cancel)); size > 0; size = ChunkSize(await ReadLineAsync(cancel)))
            {
                body.Write(await ReadExactlyAsync(size, cancel));
                await ReadLineAsync(cancel);
            }
            while ((await ReadLineAsync(cancel)).Length > 0)
            {
                // Trailers: none expected, skipped.
            }
            return response with { Body = body.ToArray() };
        }
        if (response.Header("Content-Length") is { } length)
        {
            return response with { Body = await ReadExactlyAsync(int.Parse(length), cancel) };
        }
        IsOpen = false;
        return response with { Body = await ReadToEndAsync(cancel) };
    }

    private static int ChunkSize(string line) => Convert.ToInt32(line.Split(';')[0].Trim(), 16);

    private async Task<string> ReadLineAsync(CancellationToken cancel)
    {
        var line = new MemoryStream();
        while (true)
        {
            if (_start == _end && !await FillAsync(cancel))
            {
                throw new IOException("The connection closed in the middle of a line.");
            }
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            var stop = newline < 0 ? _end : newline;
            line.Write(_buffer, _start, stop - _start);
            _start = newline < 0 ? _end : newline + 1;
            if (line.Length > HeadLimit)
            {
                throw new IOException("A response line longer than 1 MB.");
            }
            if (newline >= 0)
            {
                return Encoding.Latin1.GetString(line.GetBuffer(), 0, (int)line.Length).TrimEnd('\r');
            }
        }
    }

    private async Task<byte[]> ReadExactlyAsync(int count, CancellationToken cancel)
    {
        var bytes = new byte[count];
        for (var copied = 0; copied < count;)
        {
            if (_start == _end && !await FillAsync(cancel))
            {
                throw new IOException($"The connection closed after {copied} of {count} body bytes.");
            }
            var take = Math.Min(count - copied, _end - _start);
            Array.Copy(_buffer, _start, bytes, copied, take);
            _start += take;
            copied += take;
        }
        return bytes;
    }

    private async Task<byte[]> ReadToEndAsync(CancellationToken cancel)
    {
        var body = new MemoryStream();
        do
        {
            body.Write(_buffer, _start, _end - _start);
            _start = _end;
        } while (await FillAsync(cancel));
        return body.ToArray();
    }

    private async Task<bool> FillAsync(CancellationToken cancel)
    {
        _start = 0;
        _end = await _stream.ReadAsync(_buffer, cancel);
        if (_end == 0)
        {
            IsOpen = false;
        }
        return _end > 0;
    }

    public async ValueTask DisposeAsync()
    {
        _socket.Shutdown(SocketShutdown.Both);
        await _stream.DisposeAsync();
    }
}

/// <summary>"Send these bytes, read the raw answer": one request on its own connection.</summary>
public static class RawHttp
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    /// <summary>A GET as a plain client sends it: request line, Host, the given headers, nothing else.</summary>
    public static byte[] Get(Uri site, string target, params (string Name, string Value)[] headers) =>
        Encoding.UTF8.GetBytes($"GET {target} HTTP/1.1\r\nHost: {site.Authority}\r\n"
            + string.Concat(headers.Select(header => $"{header.Name}: {header.Value}\r\n")) + "\r\n");

    public static async Task<RawResponse> SendAsync(Uri site, byte[] request)
    {
        await using var connection = await RawConnection.OpenAsync(site, TestContext.Current.CancellationToken);
        return await connection.SendAsync(request, Limit);
    }

    public static Task<RawResponse> GetAsync(Uri site, string target, params (string Name, string Value)[] headers) =>
        SendAsync(site, Get(site, target, headers));
}
