namespace HelloMvc.Web.LookingInside.Source;

/// <summary>
/// One of the site's own files as the build highlighted it: its repository path, and each of its lines as HTML
/// (highlighted and encoded when the site was built). The lines are split out of the assembly's string the first time
/// the file is shown.
/// </summary>
public sealed class SourceFile(string path, Func<string> html)
{
    private readonly Lazy<string[]> _lines = new(() => html().Split('\n'));

    /// <summary>The file's path in the repository, such as HelloMvc.Web/Controllers/HomeController.cs.</summary>
    public string Path { get; } = path;

    /// <summary>Every line of the file as HTML; line n of the file is Lines[n - 1].</summary>
    public IReadOnlyList<string> Lines => _lines.Value;

    /// <summary>Every line of the file.</summary>
    public LineRange All => new(1, Lines.Count);
}

/// <summary>Lines First to Last of a file, counted from 1, both included.</summary>
public readonly record struct LineRange(int First, int Last);
