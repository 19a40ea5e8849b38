using HelloMvc.Web.Classes;

namespace HelloMvc.Tests.Classes;

/// <summary>
/// What every class store does, whether it keeps classes in memory or in Redis: one class per learner, the limits on
/// students and open classes, removing and closing. Each store's test class runs these against its own store.
/// </summary>
public abstract class ClassStoreContract
{
    /// <summary>A new, empty store with these limits (and the default idle lifetime).</summary>
    protected abstract IClassStore NewStore(int maxOpenClasses = 500, int maxStudents = 200);

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    protected static string Learner() => Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());

    protected static readonly byte[] KeyHash = HelloMvc.Web.Classes.TeacherKey.Hash("key");

    protected static async Task<JoinCode> StartAsync(IClassStore store, string title = "A class") =>
        await store.StartAsync(title, KeyHash, Cancel) ?? throw new Xunit.Sdk.XunitException("The store refused a class");

    [Fact]
    public async Task A_class_keeps_its_title_key_hash_and_students_in_the_order_they_joined_numbered_from_one()
    {
        var store = NewStore();
        var code = await StartAsync(store, "HTTP “week 2”, 教室");
        var (ann, bob) = (Learner(), Learner());

        Assert.Equal(JoinOutcome.Joined, await store.JoinAsync(code, ann, "Ann Lee", Cancel));
        Assert.Equal(JoinOutcome.Joined, await store.JoinAsync(code, bob, "王 小明 =1+2", Cancel));
        Assert.Equal(JoinOutcome.Joined, await store.JoinAsync(code, ann, "Ann", Cancel)); // again: renamed, same number

        var roster = await store.GetAsync(code, Cancel);
        Assert.NotNull(roster);
        Assert.Equal("HTTP “week 2”, 教室", roster.Title);
        Assert.Equal(KeyHash, roster.KeyHash);
        Assert.Equal([(1, ann, "Ann"), (2, bob, "王 小明 =1+2")], roster.Students.Select(student => (student.Number, student.LearnerId, student.Name)));
        Assert.Equal(new Membership(code, "HTTP “week 2”, 教室", "王 小明 =1+2"), await store.MembershipAsync(bob, Cancel));
    }

    [Fact]
    public async Task Joining_another_class_leaves_the_first_and_leaving_leaves_no_membership()
    {
        var store = NewStore();
        var (first, second) = (await StartAsync(store), await StartAsync(store));
        var ann = Learner();

        await store.JoinAsync(first, ann, "Ann", Cancel);
        await store.JoinAsync(second, ann, "Ann", Cancel);

        Assert.Empty((await store.GetAsync(first, Cancel))!.Students);
        Assert.Equal(second, (await store.MembershipAsync(ann, Cancel))?.Code);
        await store.LeaveAsync(ann, Cancel);
        Assert.Null(await store.MembershipAsync(ann, Cancel));
        Assert.Empty((await store.GetAsync(second, Cancel))!.Students);
        await store.LeaveAsync(ann, Cancel); // twice is harmless
    }

    [Fact]
    public async Task A_class_takes_as_many_students_as_it_may_and_then_refuses_a_new_one_but_not_a_renaming()
    {
        var store = NewStore(maxStudents: 3);
        var code = await StartAsync(store);
        var learners = Enumerable.Range(0, 4).Select(_ => Learner()).ToList();

        foreach (var learner in learners.Take(3)) Assert.Equal(JoinOutcome.Joined, await store.JoinAsync(code, learner, "S", Cancel));

        Assert.Equal(JoinOutcome.ClassFull, await store.JoinAsync(code, learners[3], "Late", Cancel));
        Assert.Equal(JoinOutcome.Joined, await store.JoinAsync(code, learners[0], "Renamed", Cancel));
        Assert.Null(await store.MembershipAsync(learners[3], Cancel));
        Assert.Equal(JoinOutcome.UnknownClass, await store.JoinAsync(JoinCode.New(), learners[3], "Lost", Cancel));
    }

    [Fact]
    public async Task The_store_holds_as_many_open_classes_as_it_may_and_closing_one_makes_room()
    {
        var store = NewStore(maxOpenClasses: 2);
        var first = await StartAsync(store);
        await StartAsync(store);

        Assert.Null(await store.StartAsync("Third", KeyHash, Cancel));
        await store.CloseAsync(first, Cancel);
        Assert.NotNull(await store.StartAsync("Third", KeyHash, Cancel));
    }

    [Fact]
    public async Task Removing_a_student_and_closing_a_class_delete_their_memberships()
    {
        var store = NewStore();
        var code = await StartAsync(store);
        var (ann, bob) = (Learner(), Learner());
        await store.JoinAsync(code, ann, "Ann", Cancel);
        await store.JoinAsync(code, bob, "Bob", Cancel);

        Assert.True(await store.RemoveAsync(code, 1, Cancel));
        Assert.False(await store.RemoveAsync(code, 1, Cancel));
        Assert.Null(await store.MembershipAsync(ann, Cancel));
        Assert.Equal(["Bob"], (await store.GetAsync(code, Cancel))!.Students.Select(student => student.Name));

        await store.CloseAsync(code, Cancel);
        Assert.Null(await store.GetAsync(code, Cancel));
        Assert.Null(await store.MembershipAsync(bob, Cancel));
        Assert.Equal(JoinOutcome.UnknownClass, await store.JoinAsync(code, ann, "Ann", Cancel));
    }
}
