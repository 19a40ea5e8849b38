namespace HelloMvc.Web.LookingInside.Catalog;

/// <summary>
/// A piece of the site's code that a demo is about besides its action and view: one of the site's types (all of it, or
/// one of its members, named with nameof), a file that declares no type (a script), or the statement of Program.cs
/// that calls a method. Types and members are checked by the compiler; a path is written only where no type exists.
/// </summary>
public sealed record SourcePiece
{
    private SourcePiece(Type? type, string? path, string? member) => (Type, Path, Member) = (type, path, member);

    /// <summary>The type whose declaration holds the piece, or null for a file without one.</summary>
    public Type? Type { get; }

    /// <summary>The repository path of a file without a type (a script, Program.cs); null when <see cref="Type"/> names it.</summary>
    public string? Path { get; }

    /// <summary>A member of the type (a method, a nested type), or in Program.cs the method its statement calls; null for all of it.</summary>
    public string? Member { get; }

    public static SourcePiece Of(Type type, string? member = null) => new(type, null, member);

    public static SourcePiece File(string path) => new(null, path, null);

    /// <summary>The statement of Program.cs that calls this method (pass it as nameof(Extensions.AddSession)).</summary>
    public static SourcePiece Program(string calls) => new(null, "HelloMvc.Web/Program.cs", calls);
}
