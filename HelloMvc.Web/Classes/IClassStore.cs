namespace HelloMvc.Web.Classes;

/// <summary>
/// Where classes live: this process's memory when the site is embedded, Redis when it has <c>ConnectionStrings:Redis</c>,
/// so that every instance sees every class. Bounded (<see cref="ClassOptions"/>) and expiring: a class nobody used for
/// <see cref="ClassOptions.IdleLifetime"/> is gone, with its students' memberships.
/// </summary>
public interface IClassStore
{
    /// <summary>A new class with a fresh join code, or null when the store holds as many open classes as it may.</summary>
    Task<JoinCode?> StartAsync(string title, byte[] keyHash, CancellationToken cancellation);

    /// <summary>The class and its students, or null for an unknown, closed or expired code. Looking counts as using it.</summary>
    Task<ClassRoster?> GetAsync(JoinCode code, CancellationToken cancellation);

    /// <summary>The learner joins under this name, leaving any other class first; joining again renames it.</summary>
    Task<JoinOutcome> JoinAsync(JoinCode code, string learnerId, string name, CancellationToken cancellation);

    /// <summary>The class this learner is in, if any.</summary>
    Task<Membership?> MembershipAsync(string learnerId, CancellationToken cancellation);

    /// <summary>The learner leaves its class, if it is in one.</summary>
    Task LeaveAsync(string learnerId, CancellationToken cancellation);

    /// <summary>The teacher removes the student with this number; false when there is none.</summary>
    Task<bool> RemoveAsync(JoinCode code, int number, CancellationToken cancellation);

    /// <summary>The class is deleted with its students' memberships: its code stops working.</summary>
    Task CloseAsync(JoinCode code, CancellationToken cancellation);
}
