using Microsoft.AspNetCore.Http.Features;

namespace HelloMvc.Web.Exchange;

/// <summary>
/// The server's half of a response that never reaches a socket. Like Kestrel it runs the OnStarting callbacks
/// (where middleware such as the session adds its headers) just before the first byte of the body, or at the
/// end when there is none, then freezes the headers; and it runs the OnCompleted callbacks when asked, after
/// the pipeline is done. Of the body it keeps the first <c>keep</c> bytes and counts the rest.
/// </summary>
internal sealed class RecordingResponse : HttpResponseFeature
{
    private readonly Stack<(Func<object, Task> Callback, object State)> _onStarting = new();
    private readonly Stack<(Func<object, Task> Callback, object State)> _onCompleted = new();
    private readonly HeaderDictionary _headers = new();
    private bool _started;

    public RecordingResponse(int keep)
    {
        Headers = _headers;
        Recorder = new BodyRecorder(this, keep);
        BodyFeature = new StreamResponseBodyFeature(Recorder);
    }

    public BodyRecorder Recorder { get; }

    /// <summary>Writes, flushes, Response.StartAsync and Response.CompleteAsync all reach <see cref="Recorder"/>, which starts the response.</summary>
    public IHttpResponseBodyFeature BodyFeature { get; }

    public override bool HasStarted => _started;

    public override void OnStarting(Func<object, Task> callback, object state)
    {
        if (_started)
        {
            throw new InvalidOperationException("The response has already started.");
        }
        _onStarting.Push((callback, state));
    }

    public override void OnCompleted(Func<object, Task> callback, object state) => _onCompleted.Push((callback, state));

    public async Task StartAsync()
    {
        if (_started)
        {
            return;
        }
        // Last registered runs first, as on every ASP.NET Core server.
        while (_onStarting.TryPop(out var registered))
        {
            await registered.Callback(registered.State);
        }
        _started = true;
        _headers.IsReadOnly = true;
    }

    public async Task CompleteAsync()
    {
        while (_onCompleted.TryPop(out var registered))
        {
            await registered.Callback(registered.State);
        }
    }

    /// <summary>A write-only body that starts the response on its first write or flush, keeps its first bytes and counts them all.</summary>
    internal sealed class BodyRecorder(RecordingResponse response, int keep) : Stream
    {
        private readonly MemoryStream _kept = new();

        public long BytesWritten { get; private set; }

        public ReadOnlyMemory<byte> Kept => _kept.GetBuffer().AsMemory(0, (int)_kept.Length);

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await response.StartAsync();
            var room = (int)Math.Max(0, keep - _kept.Length);
            _kept.Write(buffer.Span[..Math.Min(room, buffer.Length)]);
            BytesWritten += buffer.Length;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Write(byte[] buffer, int offset, int count) =>
            WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override Task FlushAsync(CancellationToken cancellationToken) => response.StartAsync();

        public override void Flush() => response.StartAsync().GetAwaiter().GetResult();

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
