using System.Reflection;
using HelloMvc.SourceGenerator;

namespace HelloMvc.Web.LookingInside.Source;

/// <summary>
/// Lines of one of the site's files, named by what they are: a key of <see cref="ListingKeys"/> (a type's header ends at
/// its opening brace; a method carries the view its View(…) call names).
/// </summary>
public readonly record struct SourceSpan(string Key, int File, int First, int Last)
{
    /// <summary>A type's last header line (its attributes and declaration, to the opening brace).</summary>
    public int HeaderLast { get; init; }

    /// <summary>A method's View(…) call as <see cref="ListingKeys.View"/> wrote it; null for none.</summary>
    public string? View { get; init; }

    public LineRange Lines => new(First, Last);
}

/// <summary>
/// The site's own sources as the build left them in the assembly. The source generator (HelloMvc.SourceGenerator)
/// writes the other half of this class while the compiler builds the site: every C# file, view, script and the Flask
/// app as highlighted HTML lines, and the spans above. Nothing is parsed and nothing is read from the disk at run time,
/// and no path outside this set means anything.
/// </summary>
public sealed partial class EmbeddedSources
{
    private readonly SourceFile[] _files;
    private readonly Dictionary<string, int> _byPath;
    private readonly Dictionary<string, SourceSpan> _spans = new(StringComparer.Ordinal);

    public EmbeddedSources()
    {
        _files = GeneratedPaths.Select((path, index) => new SourceFile(path, () => GeneratedHtml(index))).ToArray();
        _byPath = GeneratedPaths.Select((path, index) => (path, index)).ToDictionary(file => file.path, file => file.index, StringComparer.Ordinal);
        // A partial type or an overload can give one key twice: the first declaration wins, as it did when files were parsed.
        foreach (var span in GeneratedSpans)
        {
            _spans.TryAdd(span.Key, span);
        }
    }

    public IEnumerable<string> Paths => GeneratedPaths;

    public bool Contains(string path) => _byPath.ContainsKey(path);

    public SourceFile Get(string path) =>
        _byPath.TryGetValue(path, out var index)
            ? _files[index]
            : throw new InvalidOperationException($"{path} is not among the sources built into {typeof(EmbeddedSources).Assembly.GetName().Name}.");

    /// <summary>One of the site's own types: its file, its declaration (with the comments above it) and its header.</summary>
    public (SourceFile File, LineRange Declaration, LineRange Header)? Find(Type type) =>
        Span(ListingKeys.Type(type.FullName!)) is { } span ? (_files[span.File], span.Lines, new LineRange(span.First, span.HeaderLast)) : null;

    /// <summary>A method's declaration, by its type, name and parameter names (an overload is told by them).</summary>
    public (SourceFile File, LineRange Lines, string? View)? Find(MethodInfo method) =>
        Span(ListingKeys.Method(method.DeclaringType!.FullName!, method.Name, method.GetParameters().Select(parameter => parameter.Name!))) is { } span
            ? (_files[span.File], span.Lines, span.View)
            : null;

    /// <summary>A member of a type (a method, property, field or nested type), by name.</summary>
    public (SourceFile File, LineRange Lines)? Member(Type type, string name) => Lines(ListingKeys.Member(type.FullName!, name));

    /// <summary>The top-level statement of a file (Program.cs) that calls a method of this name.</summary>
    public (SourceFile File, LineRange Lines)? Statement(string path, string calls) => Lines(ListingKeys.Statement(path, calls));

    /// <summary>The Flask app's block for an action, opened by the comment line naming it (# HelloController.Index).</summary>
    public (SourceFile File, LineRange Lines)? Flask(MethodInfo action) => Lines(ListingKeys.Flask(action.DeclaringType!.Name, action.Name));

    /// <summary>The actions the Flask app's blocks name, as Controller.Action.</summary>
    public IEnumerable<string> FlaskBlocks =>
        _spans.Keys.Select(ListingKeys.FlaskAction).OfType<string>();

    private SourceSpan? Span(string key) => _spans.TryGetValue(key, out var span) ? span : null;

    private (SourceFile, LineRange)? Lines(string key) => Span(key) is { } span ? (_files[span.File], span.Lines) : null;
}
