namespace HelloMvc.Web.Classes;

/// <summary>The limits of classes (settings under <c>Classes:</c>), so that a flood of starts or joins fills nothing.</summary>
public sealed class ClassOptions
{
    public const string Section = "Classes";

    /// <summary>Students in one class.</summary>
    public int MaxStudents { get; set; } = 200;

    /// <summary>Classes open at once in the store (this process's memory, or Redis for every instance).</summary>
    public int MaxOpenClasses { get; set; } = 500;

    /// <summary>Classes one address may start within <see cref="StartWindow"/>; then 429.</summary>
    public int StartsPerWindow { get; set; } = 10;

    public TimeSpan StartWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A class nobody used (no join, no look at its grid) for this long is deleted.</summary>
    public TimeSpan IdleLifetime { get; set; } = TimeSpan.FromDays(14);
}
