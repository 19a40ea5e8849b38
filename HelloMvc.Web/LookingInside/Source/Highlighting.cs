using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace HelloMvc.Web.LookingInside.Source;

/// <summary>A stretch of a file to colour, by the CSS class (in site.css) that colours it.</summary>
public readonly record struct Highlight(TextSpan Span, string Class);

/// <summary>
/// Colours for code, worked out on the server so the page needs no script. C# is coloured from Roslyn's syntax tree:
/// what each token is (a keyword, a string, a number, a type's name) and which trivia are comments. Razor views and
/// JavaScript get a lighter, pattern-based colouring.
/// </summary>
public static partial class Highlighting
{
    public const string Keyword = "tok-keyword";
    public const string String = "tok-string";
    public const string Comment = "tok-comment";
    public const string Type = "tok-type";
    public const string Number = "tok-number";
    public const string Tag = "tok-tag";

    public static IEnumerable<Highlight> OfCSharp(SyntaxNode root) =>
        root.DescendantTrivia()
            .Where(IsComment)
            // A doc comment's FullSpan, so its leading /// is coloured with it.
            .Select(trivia => new Highlight(trivia.FullSpan, Comment))
            .Concat(root.DescendantTokens()
                .Select(token => (token, css: ClassOf(token)))
                .Where(classified => classified.css is not null)
                .Select(classified => new Highlight(classified.token.Span, classified.css!)))
            .OrderBy(highlight => highlight.Span.Start);

    public static IEnumerable<Highlight> OfRazor(string text) => Match(RazorTokens(), text);

    public static IEnumerable<Highlight> OfJavaScript(string text) => Match(JavaScriptTokens(), text);

    public static bool IsComment(SyntaxTrivia trivia) =>
        trivia.Kind() is SyntaxKind.SingleLineCommentTrivia or SyntaxKind.MultiLineCommentTrivia
            or SyntaxKind.SingleLineDocumentationCommentTrivia or SyntaxKind.MultiLineDocumentationCommentTrivia;

    private static string? ClassOf(SyntaxToken token) => token.Kind() switch
    {
        SyntaxKind.NumericLiteralToken => Number,
        SyntaxKind.StringLiteralToken or SyntaxKind.CharacterLiteralToken or SyntaxKind.Utf8StringLiteralToken
            or SyntaxKind.SingleLineRawStringLiteralToken or SyntaxKind.MultiLineRawStringLiteralToken
            or SyntaxKind.Utf8SingleLineRawStringLiteralToken or SyntaxKind.Utf8MultiLineRawStringLiteralToken
            or SyntaxKind.InterpolatedStringStartToken or SyntaxKind.InterpolatedVerbatimStringStartToken
            or SyntaxKind.InterpolatedSingleLineRawStringStartToken or SyntaxKind.InterpolatedMultiLineRawStringStartToken
            or SyntaxKind.InterpolatedStringTextToken or SyntaxKind.InterpolatedStringEndToken
            or SyntaxKind.InterpolatedRawStringEndToken => String,
        SyntaxKind.IdentifierToken when token.Parent is IdentifierNameSyntax { IsVar: true } => Keyword,
        SyntaxKind.IdentifierToken when NamesAType(token) => Type,
        var kind when SyntaxFacts.IsKeywordKind(kind) => Keyword,
        _ => null,
    };

    // From syntax alone a name is a type where the grammar allows only a type (a declaration, a base list, a
    // parameter's type, new T(…), an attribute); `StatusCodes.Status418ImATeapot` needs the compiler to tell.
    private static bool NamesAType(SyntaxToken token) => token.Parent switch
    {
        BaseTypeDeclarationSyntax declaration => declaration.Identifier == token,
        DelegateDeclarationSyntax declaration => declaration.Identifier == token,
        ConstructorDeclarationSyntax constructor => constructor.Identifier == token,
        SimpleNameSyntax name => name.Parent is AttributeSyntax
            || (name.Parent is QualifiedNameSyntax qualified ? qualified.Right == name && InTypeContext(qualified) : InTypeContext(name)),
        _ => false,
    };

    private static bool InTypeContext(ExpressionSyntax name) =>
        SyntaxFacts.IsInTypeOnlyContext(name) && name.Parent is not UsingDirectiveSyntax and not BaseNamespaceDeclarationSyntax;

    private static IEnumerable<Highlight> Match(Regex tokens, string text) =>
        tokens.Matches(text)
            .Select(match => match.Groups.Cast<Group>().Skip(1).First(group => group.Success))
            .Select(group => new Highlight(new TextSpan(group.Index, group.Length), "tok-" + group.Name));

    [GeneratedRegex("""
        (?<comment>@\*[\s\S]*?\*@|<!--[\s\S]*?-->)
        |(?<string>"[^"\n]*")
        |(?<keyword>@(?:[A-Za-z_][\w.]*|\{|\())
        |(?<tag></?[A-Za-z][\w:-]*|/?>)
        """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex RazorTokens();

    [GeneratedRegex("""
        (?<comment>//[^\n]*|/\*[\s\S]*?\*/)
        |(?<string>"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`)
        |(?<keyword>\b(?:var|let|const|function|return|if|else|for|while|do|new|this|true|false|null|undefined|typeof|break|continue|switch|case|try|catch|finally|throw|async|await)\b)
        |(?<number>\b\d+(?:\.\d+)?\b)
        """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex JavaScriptTokens();
}
