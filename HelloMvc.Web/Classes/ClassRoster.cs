namespace HelloMvc.Web.Classes;

/// <summary>A class as the store holds it: its code and title, the hash of its teacher key, and its students in the order they joined.</summary>
public sealed record ClassRoster(JoinCode Code, string Title, byte[] KeyHash, DateTimeOffset Started, IReadOnlyList<Student> Students);

/// <summary>
/// One student of a class: the number it got when it joined (Student 1, 2, … when names are hidden, and what the teacher's
/// remove button names, so a learner id never reaches a page), the learner id its progress is kept under, and its name.
/// </summary>
public sealed record Student(int Number, string LearnerId, string Name, DateTimeOffset Joined);

/// <summary>The class a learner is in, as its /progress shows it.</summary>
public sealed record Membership(JoinCode Code, string Title, string Name);

/// <summary>What joining a class came to.</summary>
public enum JoinOutcome
{
    Joined,
    UnknownClass,
    ClassFull,
}
