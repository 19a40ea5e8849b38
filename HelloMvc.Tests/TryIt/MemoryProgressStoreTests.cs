using HelloMvc.Web.TryIt.Progress;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HelloMvc.Tests.TryIt;

public class MemoryProgressStoreTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));

    private MemoryProgressStore Store(int maxLearners = 100) =>
        new(Options.Create(new ProgressStoreOptions { MaxLearners = maxLearners }), _clock);

    private TaskEvidence Evidence(string request = "PUT /http/methods", int status = 405) => new(request, status, _clock.GetUtcNow());

    [Fact]
    public async Task A_solve_stays_and_a_near_miss_never_replaces_it()
    {
        var store = Store();
        await store.RecordNearMissAsync("a", "methods-405", new NearMiss("POST /http/methods", 400, "no token.", _clock.GetUtcNow()), Cancel);
        await store.RecordSolveAsync("a", "methods-405", Evidence(), Cancel);
        await store.RecordNearMissAsync("a", "methods-405", new NearMiss("GET /http/methods", 200, "…", _clock.GetUtcNow()), Cancel);
        await store.RecordSolveAsync("a", "methods-405", Evidence("DELETE /http/methods"), Cancel);

        var progress = await store.GetAsync("a", Cancel);

        Assert.Equal("PUT /http/methods", progress.Solved["methods-405"].Request);
        Assert.Empty(progress.NearMisses);
    }

    [Fact]
    public async Task The_least_recently_used_learner_goes_first_when_the_store_is_full()
    {
        var store = Store(maxLearners: 2);
        await store.RecordSolveAsync("a", "brew-418", Evidence(), Cancel);
        await store.RecordSolveAsync("b", "brew-418", Evidence(), Cancel);
        await store.GetAsync("a", Cancel);
        await store.RecordSolveAsync("c", "brew-418", Evidence(), Cancel);

        Assert.Equal(2, store.Count);
        Assert.NotEmpty((await store.GetAsync("a", Cancel)).Solved);
        Assert.Empty((await store.GetAsync("b", Cancel)).Solved);
        Assert.NotEmpty((await store.GetAsync("c", Cancel)).Solved);
    }

    [Fact]
    public async Task A_record_expires_thirty_days_after_its_last_write_and_reading_writes_nothing()
    {
        var store = Store();
        await store.RecordSolveAsync("a", "brew-418", Evidence(), Cancel);
        _clock.Advance(TimeSpan.FromDays(29));
        await store.RecordNearMissAsync("a", "note-json", new NearMiss("GET /http/note/xml", 200, "…", _clock.GetUtcNow()), Cancel);
        _clock.Advance(TimeSpan.FromDays(29));
        Assert.NotEmpty((await store.GetAsync("a", Cancel)).Solved);

        _clock.Advance(TimeSpan.FromDays(2));
        Assert.Empty((await store.GetAsync("a", Cancel)).Solved);
        await store.GetAsync("nobody", Cancel);
        Assert.Equal(0, store.Count);
    }

    [Fact]
    public async Task Reset_forgets_the_learner()
    {
        var store = Store();
        await store.RecordSolveAsync("a", "brew-418", Evidence(), Cancel);

        await store.ResetAsync("a", Cancel);

        Assert.Equal(0, store.Count);
        Assert.Empty((await store.GetAsync("a", Cancel)).Solved);
    }
}
