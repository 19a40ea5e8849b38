using HelloMvc.Web.Classes;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HelloMvc.Tests.Classes;

/// <summary>The embedded store: the contract, and expiry by the site's clock.</summary>
public class MemoryClassStoreTests : ClassStoreContract
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));

    protected override IClassStore NewStore(int maxOpenClasses = 500, int maxStudents = 200) =>
        new MemoryClassStore(Options.Create(new ClassOptions { MaxOpenClasses = maxOpenClasses, MaxStudents = maxStudents }), _clock);

    [Fact]
    public async Task A_class_unused_for_fourteen_days_is_deleted_with_its_memberships_and_each_use_starts_the_days_again()
    {
        var store = (MemoryClassStore)NewStore();
        var code = await StartAsync(store);
        var ann = Learner();
        await store.JoinAsync(code, ann, "Ann", Cancel);

        _clock.Advance(TimeSpan.FromDays(13));
        Assert.NotNull(await store.GetAsync(code, Cancel)); // a look at the grid is a use
        _clock.Advance(TimeSpan.FromDays(13));
        Assert.NotNull(await store.MembershipAsync(ann, Cancel));
        Assert.Equal(1, store.Count);

        _clock.Advance(TimeSpan.FromDays(1));
        Assert.Null(await store.MembershipAsync(ann, Cancel));
        Assert.Null(await store.GetAsync(code, Cancel));
        Assert.Equal(0, store.Count);
    }

    [Fact]
    public async Task Expired_classes_make_room_for_new_ones()
    {
        var store = NewStore(maxOpenClasses: 1);
        await StartAsync(store);
        Assert.Null(await store.StartAsync("Second", KeyHash, Cancel));

        _clock.Advance(TimeSpan.FromDays(14));

        Assert.NotNull(await store.StartAsync("Second", KeyHash, Cancel));
    }
}
