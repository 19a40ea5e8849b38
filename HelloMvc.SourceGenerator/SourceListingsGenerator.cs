using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace HelloMvc.SourceGenerator;

/// <summary>
/// Writes the site's own code into the site as data, while the compiler builds it: every C# file of the project (from
/// the syntax trees the compiler has already parsed, coloured with its semantic model), every view, script and the
/// Flask app (AdditionalFiles), each as highlighted HTML lines; and where each type, member, Program.cs statement and
/// Flask block begins and ends. The result is the other half of the partial class EmbeddedSources.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class SourceListingsGenerator : IIncrementalGenerator
{
    private const string TargetNamespace = "HelloMvc.Web.LookingInside.Source";
    private const string TargetClass = "EmbeddedSources";

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var project = context.AnalyzerConfigOptionsProvider.Select((options, _) =>
        {
            options.GlobalOptions.TryGetValue("build_property.MSBuildProjectDirectory", out var directory);
            options.GlobalOptions.TryGetValue("build_property.MSBuildProjectName", out var name);
            return (Directory: directory ?? "", Name: name ?? "");
        });
        var texts = context.AdditionalTextsProvider
            .Where(file => file.Path.EndsWith(".cshtml", StringComparison.Ordinal) || file.Path.EndsWith(".js", StringComparison.Ordinal)
                           || file.Path.EndsWith(".py", StringComparison.Ordinal))
            .Select((file, cancel) => (file.Path, Text: file.GetText(cancel)?.ToString() ?? ""))
            .Collect();
        context.RegisterSourceOutput(context.CompilationProvider.Combine(texts).Combine(project),
            (output, input) => Emit(output, input.Left.Left, input.Left.Right, input.Right.Directory, input.Right.Name));
    }

    private static void Emit(SourceProductionContext output, Compilation compilation,
        ImmutableArray<(string Path, string Text)> texts, string directory, string projectName)
    {
        if (compilation.GetTypeByMetadataName($"{TargetNamespace}.{TargetClass}") is null || directory.Length == 0)
        {
            return;
        }
        var files = new List<(string Path, IReadOnlyList<string> Lines)>();
        var spans = new List<Span>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            output.CancellationToken.ThrowIfCancellationRequested();
            if (RepositoryPath(tree.FilePath, directory, projectName) is not { } path)
            {
                continue;
            }
            var index = files.Count;
            var text = tree.GetText(output.CancellationToken);
            var root = tree.GetRoot(output.CancellationToken);
            files.Add((path, Render(text, Highlighting.OfCSharp(root, compilation.GetSemanticModel(tree)))));
            spans.AddRange(CSharpSpans(root, text, index, path));
        }
        foreach (var (fullPath, content) in texts.GroupBy(file => file.Path).Select(group => group.First()).OrderBy(file => file.Path, StringComparer.Ordinal))
        {
            if (RepositoryPath(fullPath, directory, projectName) is not { } path)
            {
                continue;
            }
            var index = files.Count;
            var text = SourceText.From(content);
            var highlights = path.EndsWith(".cshtml", StringComparison.Ordinal) ? Highlighting.OfRazor(content)
                : path.EndsWith(".py", StringComparison.Ordinal) ? Highlighting.OfPython(content)
                : Highlighting.OfJavaScript(content);
            files.Add((path, Render(text, highlights)));
            if (path.EndsWith(".py", StringComparison.Ordinal))
            {
                spans.AddRange(FlaskBlocks(text, index));
            }
        }
        output.AddSource($"{TargetClass}.Listings.g.cs", SourceText.From(Write(files, spans), Encoding.UTF8));
    }

    /// <summary>The file's path in the repository (HelloMvc.Web/Controllers/…), or null for one outside the project or in bin/ or obj/.</summary>
    private static string? RepositoryPath(string fullPath, string directory, string projectName)
    {
        if (fullPath.Length == 0)
        {
            return null;
        }
        var relative = fullPath.Replace('\\', '/');
        var root = directory.Replace('\\', '/').TrimEnd('/') + "/";
        if (!relative.StartsWith(root, StringComparison.Ordinal))
        {
            return null;
        }
        relative = relative.Substring(root.Length);
        return relative.StartsWith("obj/", StringComparison.Ordinal) || relative.StartsWith("bin/", StringComparison.Ordinal)
            ? null
            : $"{projectName}/{relative}";
    }

    /// <summary>One line range of a file, named by a key (see ListingKeys for the kinds of key).</summary>
    private sealed record Span(string Key, int File, int First, int Last, int HeaderLast = 0, string? View = null);

    private static IEnumerable<Span> CSharpSpans(SyntaxNode root, SourceText text, int file, string path)
    {
        foreach (var type in root.DescendantNodes().OfType<BaseTypeDeclarationSyntax>())
        {
            var name = FullName(type);
            var (first, last) = LinesOf(text, type);
            var header = type is TypeDeclarationSyntax { OpenBraceToken.RawKind: (int)SyntaxKind.OpenBraceToken } declared
                ? Line(text, declared.OpenBraceToken.SpanStart)
                : last;
            yield return new Span(ListingKeys.Type(name), file, first, last, HeaderLast: header);
            if (type is not TypeDeclarationSyntax withMembers)
            {
                continue;
            }
            foreach (var member in withMembers.Members)
            {
                var (from, to) = LinesOf(text, member);
                switch (member)
                {
                    case MethodDeclarationSyntax method:
                        var parameters = method.ParameterList.Parameters.Select(parameter => parameter.Identifier.ValueText);
                        yield return new Span(ListingKeys.Method(name, method.Identifier.ValueText, parameters), file, from, to, View: ViewNamedBy(method));
                        yield return new Span(ListingKeys.Member(name, method.Identifier.ValueText), file, from, to);
                        break;
                    case BaseTypeDeclarationSyntax nested:
                        yield return new Span(ListingKeys.Member(name, nested.Identifier.ValueText), file, from, to);
                        break;
                    case PropertyDeclarationSyntax property:
                        yield return new Span(ListingKeys.Member(name, property.Identifier.ValueText), file, from, to);
                        break;
                    case BaseFieldDeclarationSyntax field:
                        foreach (var variable in field.Declaration.Variables)
                        {
                            yield return new Span(ListingKeys.Member(name, variable.Identifier.ValueText), file, from, to);
                        }
                        break;
                }
            }
        }
        // Top-level statements (Program.cs): each statement under every method name it calls.
        foreach (var statement in root.ChildNodes().OfType<GlobalStatementSyntax>())
        {
            var (from, to) = LinesOf(text, statement);
            foreach (var called in statement.DescendantNodes().OfType<InvocationExpressionSyntax>().Select(CalledName).Where(called => called is not null).Distinct())
            {
                yield return new Span(ListingKeys.Statement(path, called!), file, from, to);
            }
        }
    }

    // The name reflection gives the type: namespace, then enclosing types joined by '+'.
    private static string FullName(BaseTypeDeclarationSyntax type)
    {
        var name = type.Identifier.ValueText + (type is TypeDeclarationSyntax { TypeParameterList.Parameters.Count: > 0 and var arity } ? "`" + arity : "");
        for (var parent = type.Parent; parent is not null; parent = parent.Parent)
        {
            switch (parent)
            {
                case BaseTypeDeclarationSyntax outer:
                    name = outer.Identifier.ValueText + "+" + name;
                    break;
                case BaseNamespaceDeclarationSyntax space:
                    name = space.Name + "." + name;
                    break;
            }
        }
        return name;
    }

    /// <summary>The view a View(…) or PartialView(…) call in the action names: its first argument's text, "" for the action's own, null for no view.</summary>
    private static string? ViewNamedBy(MethodDeclarationSyntax method)
    {
        var call = method.DescendantNodes().OfType<InvocationExpressionSyntax>().FirstOrDefault(invocation =>
            invocation.Expression is IdentifierNameSyntax { Identifier.ValueText: "View" or "PartialView" });
        if (call is null)
        {
            return null;
        }
        var name = call.ArgumentList.Arguments.FirstOrDefault() is { NameColon: null, Expression: LiteralExpressionSyntax literal }
                   && literal.IsKind(SyntaxKind.StringLiteralExpression)
            ? literal.Token.ValueText
            : "";
        return ListingKeys.View(name, partial: ((IdentifierNameSyntax)call.Expression).Identifier.ValueText == "PartialView");
    }

    private static string? CalledName(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => null,
    };

    // The lines (1-based, inclusive) a node covers, from the comments right above it to its end.
    private static (int First, int Last) LinesOf(SourceText text, SyntaxNode node) =>
        (Line(text, StartWithComments(node)), Line(text, node.Span.End));

    private static int Line(SourceText text, int position) => text.Lines.GetLineFromPosition(position).LineNumber + 1;

    // The comment lines directly above a node explain it (the site puts one above each action): they come with it.
    // A blank line ends them.
    private static int StartWithComments(SyntaxNode node)
    {
        var start = node.SpanStart;
        var lineBreaks = 0;
        foreach (var trivia in node.GetLeadingTrivia().Reverse())
        {
            if (trivia.IsKind(SyntaxKind.WhitespaceTrivia)) continue;
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                if (++lineBreaks > 1) break;
                continue;
            }
            if (!Highlighting.IsComment(trivia)) break;
            start = trivia.FullSpan.Start;
            lineBreaks = 0;
        }
        return start;
    }

    private static readonly Regex FlaskHeading = new(@"^# (\w+)\.(\w+)\s*$");

    /// <summary>
    /// The Flask app's blocks: lines up to the next blank line, each opened by a comment line `# Controller.Action`
    /// naming the action it mirrors. Keyed F:Controller.Action.
    /// </summary>
    private static IEnumerable<Span> FlaskBlocks(SourceText text, int file)
    {
        var lines = text.Lines.Select(line => line.ToString()).ToList();
        for (var number = 0; number < lines.Count; number++)
        {
            if (FlaskHeading.Match(lines[number]) is not { Success: true } heading || (number > 0 && lines[number - 1].Trim().Length > 0))
            {
                continue;
            }
            var last = number;
            while (last + 1 < lines.Count && lines[last + 1].Trim().Length > 0)
            {
                last++;
            }
            yield return new Span(ListingKeys.Flask(heading.Groups[1].Value, heading.Groups[2].Value), file, number + 1, last + 1);
        }
    }

    private static IReadOnlyList<string> Render(SourceText text, IReadOnlyList<Highlight> highlights)
    {
        var lines = new List<string>(text.Lines.Count);
        var next = 0;
        foreach (var line in text.Lines)
        {
            var html = new StringBuilder();
            var at = line.Start;
            // A highlight may span lines (a doc comment, a raw string): each line gets its own part of it.
            while (next < highlights.Count && highlights[next].Span.End <= line.Start) next++;
            for (var i = next; i < highlights.Count && highlights[i].Span.Start < line.End; i++)
            {
                var from = Math.Max(highlights[i].Span.Start, line.Start);
                var to = Math.Min(highlights[i].Span.End, line.End);
                if (from < at || to <= from) continue;
                Encode(html, text.ToString(TextSpan.FromBounds(at, from)));
                html.Append("<span class=\"").Append(highlights[i].Class).Append("\">");
                Encode(html, text.ToString(TextSpan.FromBounds(from, to)));
                html.Append("</span>");
                at = to;
            }
            Encode(html, text.ToString(TextSpan.FromBounds(at, line.End)));
            lines.Add(html.ToString());
        }
        // The "line" after the file's final line break is no line of the file.
        if (lines.Count > 1 && text.Lines[text.Lines.Count - 1].Span.IsEmpty)
        {
            lines.RemoveAt(lines.Count - 1);
        }
        return lines;
    }

    private static void Encode(StringBuilder html, string text)
    {
        foreach (var c in text)
        {
            html.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '\t' => "    ",
                _ => c.ToString(),
            });
        }
    }

    private static string Write(IReadOnlyList<(string Path, IReadOnlyList<string> Lines)> files, IReadOnlyList<Span> spans)
    {
        var code = new StringBuilder();
        code.AppendLine("// <auto-generated>Written by HelloMvc.SourceGenerator while the site builds: the site's own code, as listings.</auto-generated>");
        code.AppendLine("#nullable enable");
        code.AppendLine($"namespace {TargetNamespace};");
        code.AppendLine();
        code.AppendLine($"partial class {TargetClass}");
        code.AppendLine("{");
        code.AppendLine("    private static readonly string[] GeneratedPaths =");
        code.AppendLine("    [");
        foreach (var file in files)
        {
            code.Append("        ").Append(Literal(file.Path)).AppendLine(",");
        }
        code.AppendLine("    ];");
        code.AppendLine();
        code.AppendLine("    // Each file's highlighted lines, joined by line breaks: one string constant per file, read when it is first shown.");
        code.AppendLine("    private static string GeneratedHtml(int file) => file switch");
        code.AppendLine("    {");
        for (var index = 0; index < files.Count; index++)
        {
            code.Append("        ").Append(index.ToString(CultureInfo.InvariantCulture)).Append(" => ")
                .Append(Literal(string.Join("\n", files[index].Lines))).AppendLine(",");
        }
        code.AppendLine("        _ => throw new global::System.ArgumentOutOfRangeException(nameof(file)),");
        code.AppendLine("    };");
        code.AppendLine();
        code.AppendLine("    private static readonly SourceSpan[] GeneratedSpans =");
        code.AppendLine("    [");
        foreach (var span in spans)
        {
            code.Append("        new(").Append(Literal(span.Key)).Append(", ").Append(span.File).Append(", ").Append(span.First).Append(", ").Append(span.Last).Append(")");
            var extras = new List<string>();
            if (span.HeaderLast > 0) extras.Add($"HeaderLast = {span.HeaderLast}");
            if (span.View is not null) extras.Add($"View = {Literal(span.View)}");
            if (extras.Count > 0) code.Append(" { ").Append(string.Join(", ", extras)).Append(" }");
            code.AppendLine(",");
        }
        code.AppendLine("    ];");
        code.AppendLine("}");
        return code.ToString();
    }

    private static string Literal(string text)
    {
        var literal = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            literal.Append(c switch
            {
                '\\' => "\\\\",
                '"' => "\\\"",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\0' => "\\0",
                _ when char.IsControl(c) || c is '\u2028' or '\u2029' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }
        return literal.Append('"').ToString();
    }
}
