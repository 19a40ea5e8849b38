using System.Reflection;
using AngleSharp.Dom;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HelloMvc.Tests.Infrastructure;

/// <summary>A method as the file on disk has it: the file's repository path and the lines its declaration spans.</summary>
public sealed record DeclaredMethod(string Path, int FirstLine, int LastLine);

/// <summary>One line of a code block on a page: the number it shows and the code after it.</summary>
public sealed record ShownLine(int Number, string Code);

/// <summary>
/// The repository's files as they are on disk, parsed with Roslyn here in the test, to check the code the site shows
/// (from its embedded copy) against them; and reading code blocks off a parsed page.
/// </summary>
public static class RepositorySources
{
    /// <summary>The repository root: the folder above the test's output that holds HelloMvc.sln.</summary>
    public static string Root { get; } = FindRoot();

    public static string[] Lines(string path) => File.ReadAllLines(Path.Combine(Root, path));

    /// <summary>Where the method is declared on disk: its type found by name among the web project's files, then the method.</summary>
    public static DeclaredMethod Find(MethodInfo method)
    {
        var web = Path.Combine(Root, "HelloMvc.Web");
        foreach (var file in Directory.EnumerateFiles(web, "*.cs", SearchOption.AllDirectories)
                     .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                                    && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")))
        {
            var tree = CSharpSyntaxTree.ParseText(File.ReadAllText(file));
            var declaration = tree.GetRoot().DescendantNodes().OfType<TypeDeclarationSyntax>()
                .Where(type => type.Identifier.ValueText == method.DeclaringType!.Name)
                .SelectMany(type => type.Members.OfType<MethodDeclarationSyntax>())
                .FirstOrDefault(candidate => candidate.Identifier.ValueText == method.Name
                                             && candidate.ParameterList.Parameters.Count == method.GetParameters().Length);
            if (declaration is not null)
            {
                var lines = tree.GetLineSpan(declaration.Span);
                return new DeclaredMethod(Path.GetRelativePath(Root, file).Replace('\\', '/'),
                    lines.StartLinePosition.Line + 1, lines.EndLinePosition.Line + 1);
            }
        }
        throw new InvalidOperationException($"{method.DeclaringType!.Name}.{method.Name} is declared nowhere under {web}.");
    }

    /// <summary>The code block a page shows for a file (a figure headed by its path).</summary>
    public static IElement? Block(this IParentNode page, string path) =>
        page.QuerySelectorAll("figure.code-block").FirstOrDefault(figure => figure.QuerySelector("figcaption .path")?.TextContent == path);

    public static IReadOnlyList<ShownLine> ShownLines(this IElement block) =>
        block.QuerySelectorAll("pre.code .line")
            .Select(line =>
            {
                var number = line.QuerySelector(".ln")!.TextContent;
                return new ShownLine(int.Parse(number), line.TextContent[number.Length..]);
            })
            .ToList();

    /// <summary>Every line the block shows that is not, under its number, that line of the file on disk.</summary>
    public static IEnumerable<string> LinesUnlikeDisk(this IElement block)
    {
        var path = block.QuerySelector("figcaption .path")!.TextContent;
        var disk = Lines(path);
        return block.ShownLines()
            .Where(line => line.Number < 1 || line.Number > disk.Length || disk[line.Number - 1].TrimEnd() != line.Code.TrimEnd())
            .Select(line => $"{path}:{line.Number} shows '{line.Code}'");
    }

    /// <summary>The method's lines that the page's block does not show under their own numbers.</summary>
    public static IEnumerable<string> MissingLines(this IParentNode page, DeclaredMethod method)
    {
        if (page.Block(method.Path) is not { } block)
        {
            return [$"no block for {method.Path}"];
        }
        var shown = block.ShownLines().ToDictionary(line => line.Number, line => line.Code);
        var disk = Lines(method.Path);
        return Enumerable.Range(method.FirstLine, method.LastLine - method.FirstLine + 1)
            .Where(number => !shown.TryGetValue(number, out var code) || code.TrimEnd() != disk[number - 1].TrimEnd())
            .Select(number => $"{method.Path}:{number} '{disk[number - 1].Trim()}' is not shown as line {number}");
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "HelloMvc.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException($"No HelloMvc.sln above {AppContext.BaseDirectory}.");
    }
}
