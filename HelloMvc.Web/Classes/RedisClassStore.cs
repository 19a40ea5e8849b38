using System.Globalization;
using HelloMvc.Web.Hosting.Storage;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace HelloMvc.Web.Classes;

/// <summary>
/// Classes in Redis, through the site's one connection (<see cref="SiteRedis"/>), so that a join on one instance and a
/// solve on another show on the teacher's grid wherever it is served. Each step is one Lua script, which Redis runs
/// whole, so two instances can never both take the last seat of a class or the last free class. Every key expires
/// after <see cref="ClassOptions.IdleLifetime"/> unused, and using a class (a join, a look at its grid) starts that again.
/// </summary>
/// <remarks>
/// Keys, under <c>HelloMvc:</c>: <c>class:{code}</c> a hash (title, key hash, started, used, last number given);
/// <c>class:{code}:students</c> a hash, learner id to "number joined name"; <c>class-of:{learner}</c> the code of the class
/// a learner is in; <c>classes</c> a sorted set of open codes by last use, to count them. The scripts also reach keys
/// they build from those values, which a single Redis (the site's shape) allows and Redis Cluster would not.
/// </remarks>
public sealed class RedisClassStore(SiteRedis redis, IOptions<ClassOptions> options, TimeProvider clock) : IClassStore
{
    private const string Prefix = "HelloMvc:";
    private const string ClassPrefix = Prefix + "class:";
    private const string MembershipPrefix = Prefix + "class-of:";
    private static readonly RedisKey OpenClasses = Prefix + "classes";

    /// <summary>A look at the grid refreshes the expiry at most this often: the grid polls every few seconds.</summary>
    private const int TouchEverySeconds = 60;

    private readonly ClassOptions _limits = options.Value;

    public async Task<JoinCode?> StartAsync(string title, byte[] keyHash, CancellationToken cancellation)
    {
        var database = await DatabaseAsync();
        while (true)
        {
            var code = JoinCode.New();
            var started = (int)await database.ScriptEvaluateAsync(ClassScripts.Start, [OpenClasses, ClassKey(code)],
                [code.ToString(), title, Convert.ToBase64String(keyHash), clock.GetUtcNow().ToUnixTimeMilliseconds(), Now, Lifetime, _limits.MaxOpenClasses]);
            if (started < 0) return null;
            if (started > 0) return code;
            // A code already taken (one in about 887 million per open class): draw another.
        }
    }

    public async Task<ClassRoster?> GetAsync(JoinCode code, CancellationToken cancellation)
    {
        var result = await (await DatabaseAsync()).ScriptEvaluateAsync(ClassScripts.Get, [ClassKey(code), StudentsKey(code), OpenClasses],
            [code.ToString(), Now, Lifetime, TouchEverySeconds, MembershipPrefix]);
        if (result.IsNull) return null;
        var parts = (RedisResult[])result!;
        var fields = ((RedisValue[])parts[0]!).Chunk(2).ToDictionary(pair => (string)pair[0]!, pair => pair[1]);
        var students = ((RedisValue[])parts[1]!).Chunk(2).Select(pair => ReadStudent(pair[0]!, pair[1]!)).OrderBy(student => student.Number);
        return new ClassRoster(code, (string)fields["title"]!, Convert.FromBase64String((string)fields["key"]!),
            DateTimeOffset.FromUnixTimeMilliseconds((long)fields["started"]), [.. students]);
    }

    public async Task<JoinOutcome> JoinAsync(JoinCode code, string learnerId, string name, CancellationToken cancellation)
    {
        var outcome = (string?)await (await DatabaseAsync()).ScriptEvaluateAsync(ClassScripts.Join,
            [ClassKey(code), StudentsKey(code), MembershipKey(learnerId), OpenClasses],
            [code.ToString(), Now, Lifetime, MembershipPrefix, learnerId, name, clock.GetUtcNow().ToUnixTimeMilliseconds(), _limits.MaxStudents, ClassPrefix]);
        return outcome switch
        {
            "joined" => JoinOutcome.Joined,
            "full" => JoinOutcome.ClassFull,
            _ => JoinOutcome.UnknownClass,
        };
    }

    public async Task<Membership?> MembershipAsync(string learnerId, CancellationToken cancellation)
    {
        var result = await (await DatabaseAsync()).ScriptEvaluateAsync(ClassScripts.Membership, [MembershipKey(learnerId)], [learnerId, ClassPrefix]);
        if (result.IsNull) return null;
        var parts = (RedisValue[])result!;
        return JoinCode.TryParse(parts[0], out var code) ? new Membership(code, parts[1]!, ReadStudent(learnerId, parts[2]!).Name) : null;
    }

    public async Task LeaveAsync(string learnerId, CancellationToken cancellation) =>
        await (await DatabaseAsync()).ScriptEvaluateAsync(ClassScripts.Leave, [MembershipKey(learnerId)], [learnerId, ClassPrefix]);

    public async Task<bool> RemoveAsync(JoinCode code, int number, CancellationToken cancellation) =>
        (int)await (await DatabaseAsync()).ScriptEvaluateAsync(ClassScripts.Remove, [StudentsKey(code)],
            [code.ToString(), number, MembershipPrefix]) == 1;

    public async Task CloseAsync(JoinCode code, CancellationToken cancellation) =>
        await (await DatabaseAsync()).ScriptEvaluateAsync(ClassScripts.Close, [ClassKey(code), StudentsKey(code), OpenClasses],
            [code.ToString(), MembershipPrefix]);

    /// <summary>"number joined name": the name last, so it may hold anything, spaces included.</summary>
    internal static Student ReadStudent(string learnerId, string stored)
    {
        var parts = stored.Split(' ', 3);
        return new Student(int.Parse(parts[0], CultureInfo.InvariantCulture), learnerId, parts[2],
            DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(parts[1], CultureInfo.InvariantCulture)));
    }

    private async Task<IDatabase> DatabaseAsync() => (await redis.ConnectionAsync()).GetDatabase();

    private long Now => clock.GetUtcNow().ToUnixTimeSeconds();

    private long Lifetime => (long)_limits.IdleLifetime.TotalSeconds;

    private static RedisKey ClassKey(JoinCode code) => ClassPrefix + code;

    private static RedisKey StudentsKey(JoinCode code) => ClassPrefix + code + ":students";

    private static RedisKey MembershipKey(string learnerId) => MembershipPrefix + learnerId;
}
