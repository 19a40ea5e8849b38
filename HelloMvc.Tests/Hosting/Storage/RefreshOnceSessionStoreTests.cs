using HelloMvc.Web.Hosting.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Session;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HelloMvc.Tests.Hosting.Storage;

public class RefreshOnceSessionStoreTests
{
    private const string Key = "session-key";

    /// <summary>An in-memory cache that counts what the session asks of it (each call is a trip to Redis there).</summary>
    private sealed class CountingCache : IDistributedCache
    {
        private readonly MemoryDistributedCache _inner = new(Options.Create(new MemoryDistributedCacheOptions()));
        public int Reads, Refreshes, Writes;

        public byte[]? Get(string key) { Reads++; return _inner.Get(key); }
        public Task<byte[]?> GetAsync(string key, CancellationToken token = default) { Reads++; return _inner.GetAsync(key, token); }
        public void Refresh(string key) { Refreshes++; _inner.Refresh(key); }
        public Task RefreshAsync(string key, CancellationToken token = default) { Refreshes++; return _inner.RefreshAsync(key, token); }
        public void Remove(string key) => _inner.Remove(key);
        public Task RemoveAsync(string key, CancellationToken token = default) => _inner.RemoveAsync(key, token);
        public void Set(string key, byte[] value, DistributedCacheEntryOptions options) { Writes++; _inner.Set(key, value, options); }
        public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default) { Writes++; return _inner.SetAsync(key, value, options, token); }
    }

    private static ISession Create(ISessionStore store) =>
        store.Create(Key, TimeSpan.FromMinutes(20), TimeSpan.FromSeconds(1), () => true, isNewSessionKey: false);

    private static async Task<CountingCache> RequestThatOnlyReadsAsync(Func<CountingCache, ISessionStore> storeOver)
    {
        var cache = new CountingCache();
        var login = Create(storeOver(cache));
        login.SetString("logged_in", "true");
        await login.CommitAsync(TestContext.Current.CancellationToken);
        (cache.Reads, cache.Refreshes, cache.Writes) = (0, 0, 0);

        var visit = Create(storeOver(cache));
        await visit.LoadAsync(TestContext.Current.CancellationToken);
        Assert.Equal("true", visit.GetString("logged_in"));
        await visit.CommitAsync(TestContext.Current.CancellationToken);
        return cache;
    }

    [Fact]
    public async Task The_frameworks_session_refreshes_again_after_the_read_that_already_refreshed()
    {
        var cache = await RequestThatOnlyReadsAsync(cache => new DistributedSessionStore(cache, NullLoggerFactory.Instance));

        Assert.Equal((1, 1, 0), (cache.Reads, cache.Refreshes, cache.Writes));
    }

    [Fact]
    public async Task This_store_reads_once_and_skips_the_second_refresh()
    {
        var cache = await RequestThatOnlyReadsAsync(cache => new RefreshOnceSessionStore(cache, NullLoggerFactory.Instance));

        Assert.Equal((1, 0, 0), (cache.Reads, cache.Refreshes, cache.Writes));
    }

    [Fact]
    public async Task A_session_that_was_not_found_is_still_refreshed_and_a_changed_one_written()
    {
        var cache = new CountingCache();
        var store = new RefreshOnceSessionStore(cache, NullLoggerFactory.Instance);

        var unknown = Create(store);
        await unknown.LoadAsync(TestContext.Current.CancellationToken);
        await unknown.CommitAsync(TestContext.Current.CancellationToken);
        var changed = Create(store);
        await changed.LoadAsync(TestContext.Current.CancellationToken);
        changed.SetString("logged_in", "true");
        await changed.CommitAsync(TestContext.Current.CancellationToken);

        Assert.Equal((2, 1, 1), (cache.Reads, cache.Refreshes, cache.Writes));
    }
}
