namespace HelloMvc.Web.LookingInside.Exchange;

/// <summary>
/// The connection's stream, seen from the client's side: it keeps a copy of the first bytes written (the request) and
/// of the first bytes read (the status line and headers), up to <c>limit</c> each, and passes everything through.
/// </summary>
internal sealed class RecordingStream(Stream inner, int limit) : Stream
{
    private readonly MemoryStream _written = new();
    private readonly MemoryStream _read = new();

    public ReadOnlySpan<byte> BytesWritten => _written.GetBuffer().AsSpan(0, (int)_written.Length);

    public ReadOnlySpan<byte> BytesRead => _read.GetBuffer().AsSpan(0, (int)_read.Length);

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var count = await inner.ReadAsync(buffer, cancellationToken);
        Keep(_read, buffer.Span[..count]);
        return count;
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Keep(_written, buffer.Span);
        await inner.WriteAsync(buffer, cancellationToken);
    }

    private void Keep(MemoryStream copy, ReadOnlySpan<byte> bytes) =>
        copy.Write(bytes[..(int)Math.Min(bytes.Length, Math.Max(0, limit - copy.Length))]);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count).GetAwaiter().GetResult();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override void Flush() => inner.Flush();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }

    public override ValueTask DisposeAsync() => inner.DisposeAsync();

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
