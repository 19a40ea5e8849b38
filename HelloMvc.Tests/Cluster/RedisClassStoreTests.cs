using HelloMvc.Tests.Classes;
using HelloMvc.Web.Classes;
using HelloMvc.Web.Hosting.Storage;
using Microsoft.Extensions.Options;

namespace HelloMvc.Tests.Cluster;

/// <summary>
/// The Redis store against the cluster's Redis, each test in an empty database of its own (so no other test's classes
/// count against its limits): the stores' contract, and every key expiring 14 days after the class was last used.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RedisClassStoreTests : ClassStoreContract, IAsyncDisposable
{
    private const int Database = 7;
    private readonly ClusterFixture _cluster;
    private readonly List<SiteRedis> _connections = [];

    public RedisClassStoreTests(ClusterFixture cluster) => _cluster = cluster;

    protected override IClassStore NewStore(int maxOpenClasses = 500, int maxStudents = 200)
    {
        _cluster.RequireServices();
        if (_connections.Count == 0) _cluster.RedisServer.FlushDatabase(Database);
        var redis = new SiteRedis($"{_cluster.RedisConnectionString},defaultDatabase={Database}");
        _connections.Add(redis);
        return new RedisClassStore(redis, Options.Create(new ClassOptions { MaxOpenClasses = maxOpenClasses, MaxStudents = maxStudents }), TimeProvider.System);
    }

    [Fact]
    public async Task Every_key_of_a_class_expires_fourteen_days_after_its_last_use()
    {
        var store = NewStore();
        var code = await StartAsync(store);
        var ann = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        await store.JoinAsync(code, ann, "Ann", Cancel);

        var redis = _cluster.RedisServer.Multiplexer.GetDatabase(Database);
        foreach (var key in new[] { $"HelloMvc:class:{code}", $"HelloMvc:class:{code}:students", $"HelloMvc:class-of:{ann}", "HelloMvc:classes" })
        {
            var left = await redis.KeyTimeToLiveAsync(key);
            Assert.True(left > TimeSpan.FromDays(13.9) && left <= TimeSpan.FromDays(14), $"{key}: {left}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections) await connection.DisposeAsync();
    }
}
