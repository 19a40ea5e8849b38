using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HelloMvc.Web.LookingInside.Source;

/// <summary>
/// The site's own sources, embedded in its assembly at build time under their repository paths (see the
/// EmbeddedResource item in HelloMvc.Web.csproj). Only these can be shown: nothing is read from the disk, and no
/// name outside this set means anything. Each file is read and parsed once, the first time it is asked for.
/// </summary>
public sealed class EmbeddedSources
{
    private const string Prefix = "HelloMvc.Web/";
    private static readonly Assembly Site = typeof(EmbeddedSources).Assembly;

    private readonly IReadOnlyDictionary<string, string> _resources;
    private readonly ConcurrentDictionary<string, Lazy<SourceFile>> _files = new(StringComparer.Ordinal);
    private readonly Lazy<IReadOnlyDictionary<string, (SourceFile File, TypeDeclarationSyntax Declaration)>> _types;

    public EmbeddedSources()
    {
        // Built on Windows, an embedded name may carry backslashes; the repository's paths never do.
        _resources = Site.GetManifestResourceNames()
            .Where(name => name.Replace('\\', '/').StartsWith(Prefix, StringComparison.Ordinal))
            .ToDictionary(name => name.Replace('\\', '/'), StringComparer.Ordinal);
        _types = new(IndexTypes);
    }

    public IEnumerable<string> Paths => _resources.Keys;

    public bool Contains(string path) => _resources.ContainsKey(path);

    public SourceFile Get(string path) =>
        _files.GetOrAdd(path, key => new Lazy<SourceFile>(() => Load(key))).Value;

    /// <summary>The file and declaration of one of the site's own types, found by its namespace and name.</summary>
    public (SourceFile File, TypeDeclarationSyntax Declaration)? Find(Type type) =>
        type.FullName is { } name && _types.Value.TryGetValue(name, out var found) ? found : null;

    private SourceFile Load(string path)
    {
        if (!_resources.TryGetValue(path, out var resource))
        {
            throw new InvalidOperationException($"{path} is not among the sources embedded in {Site.GetName().Name}.");
        }
        using var stream = Site.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return new SourceFile(path, reader.ReadToEnd());
    }

    private IReadOnlyDictionary<string, (SourceFile, TypeDeclarationSyntax)> IndexTypes()
    {
        var types = new Dictionary<string, (SourceFile, TypeDeclarationSyntax)>(StringComparer.Ordinal);
        foreach (var file in Paths.Where(path => path.EndsWith(".cs", StringComparison.Ordinal)).Select(Get))
        {
            // Top-level types only, which is how the site declares them.
            foreach (var declaration in file.Tree!.GetRoot().DescendantNodes().OfType<TypeDeclarationSyntax>()
                         .Where(declaration => declaration.Parent is not TypeDeclarationSyntax))
            {
                var space = declaration.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault()?.Name.ToString();
                types.TryAdd(space is null ? declaration.Identifier.Text : $"{space}.{declaration.Identifier.Text}", (file, declaration));
            }
        }
        return types;
    }
}
