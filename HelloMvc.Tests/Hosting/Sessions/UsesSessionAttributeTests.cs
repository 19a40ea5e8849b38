using HelloMvc.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HelloMvc.Tests.Hosting.Sessions;

/// <summary>The site with a session store that counts what is asked of it.</summary>
public sealed class SiteWithCountedSessionStore : SiteFactory
{
    public CountingCache Store { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IDistributedCache>(Store));
    }
}

/// <summary>The in-memory distributed cache, counting every read, write and refresh.</summary>
public sealed class CountingCache : IDistributedCache
{
    private readonly MemoryDistributedCache _inner = new(Options.Create(new MemoryDistributedCacheOptions()));
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public void Reset() => Interlocked.Exchange(ref _calls, 0);

    public byte[]? Get(string key) => Count(() => _inner.Get(key));
    public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => Count(() => _inner.GetAsync(key, token));
    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => Count(() => { _inner.Set(key, value, options); return 0; });
    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default) =>
        Count(() => _inner.SetAsync(key, value, options, token));
    public void Refresh(string key) => Count(() => { _inner.Refresh(key); return 0; });
    public Task RefreshAsync(string key, CancellationToken token = default) => Count(() => _inner.RefreshAsync(key, token));
    public void Remove(string key) => Count(() => { _inner.Remove(key); return 0; });
    public Task RemoveAsync(string key, CancellationToken token = default) => Count(() => _inner.RemoveAsync(key, token));

    private T Count<T>(Func<T> call)
    {
        Interlocked.Increment(ref _calls);
        return call();
    }
}

public class UsesSessionAttributeTests(SiteFactory site, KestrelSite wire, SiteWithCountedSessionStore counted)
    : IClassFixture<SiteWithCountedSessionStore>
{
    private const string SessionCookie = ".HelloMvc.Session";

    [Theory]
    [InlineData("/hello")]
    [InlineData("/http/g?name=Grey")]
    [InlineData("/http/note/json")]
    [InlineData("/http/request")]
    public async Task A_page_without_the_attribute_never_asks_the_store_even_when_the_browser_has_a_session(string url)
    {
        var client = counted.CreateNoRedirectClient();
        (await client.GetAsync("/http/login", TestContext.Current.CancellationToken)).Dispose();
        counted.Store.Reset();

        var response = await client.GetAsync(url, TestContext.Current.CancellationToken);

        Assert.True(response.IsSuccessStatusCode, $"{url}: {response.StatusCode}");
        // A plain app.UseSession() would refresh the session in the store at the end of every such request.
        Assert.Equal(0, counted.Store.Calls);
    }

    [Fact]
    public async Task A_page_with_the_attribute_reads_the_session_from_the_store()
    {
        var client = counted.CreateNoRedirectClient();
        (await client.GetAsync("/http/login", TestContext.Current.CancellationToken)).Dispose();
        counted.Store.Reset();

        var hello = await client.GetPageAsync("/http/hello");

        Assert.Equal("[Authenticated]", hello.Text("p.auth"));
        Assert.True(counted.Store.Calls > 0);
    }

    [Theory]
    [InlineData("/hello")]
    [InlineData("/http/g?name=Grey")]
    [InlineData("/http/note/json")]
    [InlineData("/http/status-codes")]
    public async Task A_page_that_never_reads_the_session_leaves_a_new_visitor_without_a_session_cookie(string url)
    {
        var response = await site.CreateNoRedirectClient().GetAsync(url, TestContext.Current.CancellationToken);

        Assert.True(response.IsSuccessStatusCode, $"{url}: {response.StatusCode}");
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [],
            cookie => cookie.StartsWith(SessionCookie + "=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_session_written_by_one_page_is_read_by_the_others_that_use_it()
    {
        var client = site.CreateNoRedirectClient();

        var login = await client.GetAsync("/http/login", TestContext.Current.CancellationToken);
        var hello = await client.GetPageAsync("/http/hello");
        var context = await client.GetPageAsync("/http/context");

        Assert.Contains(login.Headers.GetValues("Set-Cookie"), cookie => cookie.StartsWith(SessionCookie + "=", StringComparison.Ordinal));
        Assert.Equal("[Authenticated]", hello.Text("p.auth"));
        Assert.Equal("true", context.Document.GetElementById("session")!.ReadLabeled()["logged_in"]);
    }

    [Fact]
    public async Task The_exchange_viewer_loads_no_session_itself_but_its_inner_request_carries_the_learners()
    {
        // The viewer asks over a socket, so this runs on a real server.
        var client = wire.CreateWireClient();
        (await client.GetAsync("/http/login", TestContext.Current.CancellationToken)).Dispose();

        var direct = await client.GetPageAsync("/http/context");
        var throughTheViewer = await client.GetPageAsync("/exchange?path=/http/context");

        Assert.Equal("true", direct.Document.GetElementById("session")!.ReadLabeled()["logged_in"]);
        Assert.Contains("logged_in", throughTheViewer.Text("pre#response"));
    }
}
