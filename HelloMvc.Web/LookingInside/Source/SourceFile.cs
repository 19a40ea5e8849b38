using System.Text;
using System.Text.Encodings.Web;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace HelloMvc.Web.LookingInside.Source;

/// <summary>
/// One of the site's own files as it was built into the assembly: its text, its C# syntax tree, and each of its lines
/// as highlighted, HTML-encoded markup. All of it is worked out once, when the file is first shown.
/// </summary>
public sealed class SourceFile
{
    public SourceFile(string path, string text)
    {
        Path = path;
        Text = SourceText.From(text);
        Tree = path.EndsWith(".cs", StringComparison.Ordinal) ? CSharpSyntaxTree.ParseText(Text, path: path) : null;
        var highlights = Tree is not null ? Highlighting.OfCSharp(Tree.GetRoot())
            : path.EndsWith(".cshtml", StringComparison.Ordinal) ? Highlighting.OfRazor(text)
            : Highlighting.OfJavaScript(text);
        Lines = Render(Text, highlights.ToList());
    }

    /// <summary>The file's path in the repository, such as HelloMvc.Web/Controllers/HomeController.cs.</summary>
    public string Path { get; }

    public SourceText Text { get; }

    /// <summary>The syntax tree of a C# file; null for a view or a script.</summary>
    public SyntaxTree? Tree { get; }

    /// <summary>Every line of the file as HTML, highlighted and encoded; line n of the file is Lines[n - 1].</summary>
    public IReadOnlyList<string> Lines { get; }

    /// <summary>The lines (1-based, inclusive) a node covers, from the comments right above it to its end.</summary>
    public LineRange LinesOf(SyntaxNode node) => LinesOf(TextSpan.FromBounds(StartWithComments(node), node.Span.End));

    public LineRange LinesOf(TextSpan span) =>
        new(Text.Lines.GetLineFromPosition(span.Start).LineNumber + 1, Text.Lines.GetLineFromPosition(span.End).LineNumber + 1);

    /// <summary>Every line, but not the empty "line" after the file's final line break.</summary>
    public LineRange All => new(1, Text.Lines[^1].Span.IsEmpty && Text.Lines.Count > 1 ? Text.Lines.Count - 1 : Text.Lines.Count);

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

    private static IReadOnlyList<string> Render(SourceText text, IReadOnlyList<Highlight> highlights)
    {
        var encoder = HtmlEncoder.Default;
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
                html.Append(encoder.Encode(text.ToString(TextSpan.FromBounds(at, from))));
                html.Append("<span class=\"").Append(highlights[i].Class).Append("\">")
                    .Append(encoder.Encode(text.ToString(TextSpan.FromBounds(from, to)))).Append("</span>");
                at = to;
            }
            html.Append(encoder.Encode(text.ToString(TextSpan.FromBounds(at, line.End))));
            lines.Add(html.ToString());
        }
        return lines;
    }
}

/// <summary>Lines First to Last of a file, counted from 1, both included.</summary>
public readonly record struct LineRange(int First, int Last);
