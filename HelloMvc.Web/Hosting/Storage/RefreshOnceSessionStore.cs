using Microsoft.AspNetCore.Session;
using Microsoft.Extensions.Caching.Distributed;

namespace HelloMvc.Web.Hosting.Storage;

/// <summary>
/// The framework's distributed session, minus one redundant trip to Redis per request. Loading a session
/// reads it and slides its expiration (IDistributedCache.GetAsync refreshes); at the end of a request that
/// changed nothing, the session refreshes it again, which with Redis is another two commands. Each session
/// here gets a view of the cache that skips that second refresh when the read already did it, and when the read
/// failed: a Redis that did not answer the read will not answer the refresh either, and the page (a 503 by then)
/// would wait for it a second time.
/// </summary>
public sealed class RefreshOnceSessionStore(IDistributedCache cache, ILoggerFactory loggerFactory) : ISessionStore
{
    public ISession Create(string sessionKey, TimeSpan idleTimeout, TimeSpan ioTimeout, Func<bool> tryEstablishSession, bool isNewSessionKey) =>
        new DistributedSession(new RefreshedByReading(cache), sessionKey, idleTimeout, ioTimeout, tryEstablishSession, loggerFactory, isNewSessionKey);

    // One per session, so one per request: remembers whether a read has already slid the expiration.
    private sealed class RefreshedByReading(IDistributedCache cache) : IDistributedCache
    {
        private bool _refreshed;

        public byte[]? Get(string key)
        {
            _refreshed = true; // until the read succeeds: a failed read leaves nothing to refresh
            return Read(cache.Get(key));
        }

        public async Task<byte[]?> GetAsync(string key, CancellationToken token = default)
        {
            _refreshed = true;
            return Read(await cache.GetAsync(key, token));
        }

        public void Refresh(string key)
        {
            if (!_refreshed) cache.Refresh(key);
        }

        public Task RefreshAsync(string key, CancellationToken token = default) =>
            _refreshed ? Task.CompletedTask : cache.RefreshAsync(key, token);

        public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => cache.Set(key, value, options);

        public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default) =>
            cache.SetAsync(key, value, options, token);

        public void Remove(string key) => cache.Remove(key);

        public Task RemoveAsync(string key, CancellationToken token = default) => cache.RemoveAsync(key, token);

        // A read that found the session has slid its expiration; one that found nothing has nothing to slide.
        private byte[]? Read(byte[]? value)
        {
            _refreshed = value is not null;
            return value;
        }
    }
}
