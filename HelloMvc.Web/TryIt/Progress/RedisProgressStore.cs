using System.Text.Json;
using HelloMvc.Web.Hosting.Storage;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace HelloMvc.Web.TryIt.Progress;

/// <summary>
/// Progress in Redis, through the connection the site already has, so a solve served by one instance shows on every
/// other. Each learner is one hash (<c>HelloMvc:progress:{id}</c>), a field per task holding its solve or latest near
/// miss, and the whole hash expires <see cref="ProgressStoreOptions.Lifetime"/> after its last write.
/// </summary>
public sealed class RedisProgressStore(SiteRedis redis, IOptions<ProgressStoreOptions> options) : IProgressStore
{
    private const string KeyPrefix = $"{SiteStorageExtensions.ApplicationName}:progress:";

    // One round trip, atomic: a solve is never replaced (by a near miss, or by a later solve of the same task), and
    // every write pushes the expiry back. Values start with 's' for a solve and 'n' for a near miss.
    private const string WriteUnlessSolved = """
        local old = redis.call('HGET', KEYS[1], ARGV[1])
        if old and string.sub(old, 1, 1) == 's' then return 0 end
        redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
        redis.call('PEXPIRE', KEYS[1], ARGV[3])
        return 1
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<LearnerProgress> GetAsync(string learnerId, CancellationToken ct)
    {
        var fields = await (await Database()).HashGetAllAsync(Key(learnerId));
        return ProgressEntry.Collect(fields.Select(field => KeyValuePair.Create(field.Name.ToString(), Read(field.Value.ToString()))));
    }

    public Task RecordSolveAsync(string learnerId, string taskId, TaskEvidence evidence, CancellationToken ct) =>
        Write(learnerId, taskId, "s" + JsonSerializer.Serialize(evidence, Json));

    public Task RecordNearMissAsync(string learnerId, string taskId, NearMiss nearMiss, CancellationToken ct) =>
        Write(learnerId, taskId, "n" + JsonSerializer.Serialize(nearMiss, Json));

    public async Task ResetAsync(string learnerId, CancellationToken ct) =>
        await (await Database()).KeyDeleteAsync(Key(learnerId));

    private async Task Write(string learnerId, string taskId, string value) =>
        await (await Database()).ScriptEvaluateAsync(WriteUnlessSolved, [Key(learnerId)],
            [taskId, value, (long)options.Value.Lifetime.TotalMilliseconds]);

    private static ProgressEntry Read(string value) => value switch
    {
        ['s', .. var json] => new ProgressEntry(JsonSerializer.Deserialize<TaskEvidence>(json, Json), null),
        ['n', .. var json] => new ProgressEntry(null, JsonSerializer.Deserialize<NearMiss>(json, Json)),
        _ => new ProgressEntry(null, null),
    };

    private static RedisKey Key(string learnerId) => KeyPrefix + learnerId;

    private async Task<IDatabase> Database() => (await redis.ConnectionAsync()).GetDatabase();
}
