using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.OutputCaching;

namespace HelloMvc.Web.Storage;

/// <summary>
/// The output cache in Redis, with a store failure treated as a miss. The output-cache middleware lets a
/// store's exception through, so a Redis that is down would turn every cached page into a 500; with this
/// the page is computed as if it had never been cached, and a failed write or eviction is only logged.
/// </summary>
public sealed class FailSoftOutputCacheStore(IOutputCacheStore store, ILogger<FailSoftOutputCacheStore> logger) : IOutputCacheBufferStore
{
    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        try { return await store.GetAsync(key, cancellationToken); }
        catch (Exception exception) when (IsStoreFailure(exception, cancellationToken)) { return Missed(exception); }
    }

    public async ValueTask<bool> TryGetAsync(string key, PipeWriter destination, CancellationToken cancellationToken)
    {
        if (store is not IOutputCacheBufferStore buffers)
        {
            var value = await GetAsync(key, cancellationToken);
            if (value is null) return false;
            await destination.WriteAsync(value, cancellationToken);
            return true;
        }
        try { return await buffers.TryGetAsync(key, destination, cancellationToken); }
        catch (Exception exception) when (IsStoreFailure(exception, cancellationToken)) { Missed(exception); return false; }
    }

    public async ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        try { await store.SetAsync(key, value, tags, validFor, cancellationToken); }
        catch (Exception exception) when (IsStoreFailure(exception, cancellationToken)) { NotStored(exception); }
    }

    public async ValueTask SetAsync(string key, ReadOnlySequence<byte> value, ReadOnlyMemory<string> tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        try
        {
            if (store is IOutputCacheBufferStore buffers)
                await buffers.SetAsync(key, value, tags, validFor, cancellationToken);
            else
                await store.SetAsync(key, value.ToArray(), tags.ToArray(), validFor, cancellationToken);
        }
        catch (Exception exception) when (IsStoreFailure(exception, cancellationToken)) { NotStored(exception); }
    }

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        try { await store.EvictByTagAsync(tag, cancellationToken); }
        catch (Exception exception) when (IsStoreFailure(exception, cancellationToken)) { NotStored(exception); }
    }

    // A cancelled request is not a store failure: that exception goes on as usual.
    private static bool IsStoreFailure(Exception exception, CancellationToken cancellationToken) =>
        !(exception is OperationCanceledException && cancellationToken.IsCancellationRequested);

    private byte[]? Missed(Exception exception)
    {
        logger.LogWarning(exception, "The output cache store failed; the page is computed instead");
        return null;
    }

    private void NotStored(Exception exception) =>
        logger.LogWarning(exception, "The output cache store failed; the page is not cached");
}
