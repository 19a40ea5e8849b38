using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace HelloMvc.SourceGenerator;

/// <summary>A stretch of a file to colour, by the CSS class (in site.css) that colours it.</summary>
internal readonly struct Highlight(TextSpan span, string css)
{
    public TextSpan Span { get; } = span;

    public string Class { get; } = css;
}

/// <summary>
/// Colours for code, worked out when the site is built. C# is coloured from the compiler's own view of it: what each
/// token is (a keyword, a string, a number) and, from the semantic model, which names are types (so the
/// <c>StatusCodes</c> of <c>StatusCodes.Status418ImATeapot</c> is coloured as one). Razor views, JavaScript and the
/// Flask app get a lighter, pattern-based colouring.
/// </summary>
internal static class Highlighting
{
    public const string Keyword = "tok-keyword";
    public const string String = "tok-string";
    public const string Comment = "tok-comment";
    public const string Type = "tok-type";
    public const string Number = "tok-number";

    public static List<Highlight> OfCSharp(SyntaxNode root, SemanticModel? model) =>
        root.DescendantTrivia()
            .Where(IsComment)
            // A doc comment's FullSpan, so its leading /// is coloured with it.
            .Select(trivia => new Highlight(trivia.FullSpan, Comment))
            .Concat(root.DescendantTokens()
                .Select(token => (token, css: ClassOf(token, model)))
                .Where(classified => classified.css is not null)
                .Select(classified => new Highlight(classified.token.Span, classified.css!)))
            .OrderBy(highlight => highlight.Span.Start)
            .ToList();

    public static List<Highlight> OfRazor(string text) => Match(RazorTokens, text);

    public static List<Highlight> OfJavaScript(string text) => Match(JavaScriptTokens, text);

    public static List<Highlight> OfPython(string text) => Match(PythonTokens, text);

    public static bool IsComment(SyntaxTrivia trivia) =>
        trivia.Kind() is SyntaxKind.SingleLineCommentTrivia or SyntaxKind.MultiLineCommentTrivia
            or SyntaxKind.SingleLineDocumentationCommentTrivia or SyntaxKind.MultiLineDocumentationCommentTrivia;

    private static string? ClassOf(SyntaxToken token, SemanticModel? model) => token.Kind() switch
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
        SyntaxKind.IdentifierToken when NamesAType(token) || BindsToAType(token, model) => Type,
        var kind when SyntaxFacts.IsKeywordKind(kind) => Keyword,
        _ => null,
    };

    // Where the grammar allows only a type (a declaration, a base list, a parameter's type, new T(…), an attribute).
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

    // Elsewhere a name may be a type or a value (`StatusCodes.Status418ImATeapot`, `nameof(Controller.View)`): the compiler tells.
    private static bool BindsToAType(SyntaxToken token, SemanticModel? model) =>
        model is not null
        && token.Parent is IdentifierNameSyntax name
        && name.Parent is not UsingDirectiveSyntax and not QualifiedNameSyntax { Parent: UsingDirectiveSyntax }
        && model.GetSymbolInfo(name).Symbol is INamedTypeSymbol;

    private static List<Highlight> Match(Regex tokens, string text) =>
        tokens.Matches(text).Cast<System.Text.RegularExpressions.Match>()
            .Select(match => tokens.GetGroupNames().Skip(1).Select(name => (name, group: match.Groups[name])).First(named => named.group.Success))
            .Select(named => new Highlight(new TextSpan(named.group.Index, named.group.Length), "tok-" + named.name))
            .ToList();

    private static readonly Regex RazorTokens = new("""
        (?<comment>@\*[\s\S]*?\*@|<!--[\s\S]*?-->)
        |(?<string>"[^"\n]*")
        |(?<keyword>@(?:[A-Za-z_][\w.]*|\{|\())
        |(?<tag></?[A-Za-z][\w:-]*|/?>)
        """, RegexOptions.IgnorePatternWhitespace);

    private static readonly Regex JavaScriptTokens = new("""
        (?<comment>//[^\n]*|/\*[\s\S]*?\*/)
        |(?<string>"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`)
        |(?<keyword>\b(?:var|let|const|function|return|if|else|for|while|do|new|this|true|false|null|undefined|typeof|break|continue|switch|case|try|catch|finally|throw|async|await)\b)
        |(?<number>\b\d+(?:\.\d+)?\b)
        """, RegexOptions.IgnorePatternWhitespace);

    // Python as the Flask app is written: comments, strings, keywords, numbers, and decorators and classes as types.
    private static readonly Regex PythonTokens = new("""
        (?<comment>\#[^\n]*)
        |(?<string>[rbfu]?(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'))
        |(?<type>@[A-Za-z_][\w.]*|\b(?:Flask|Response)\b)
        |(?<keyword>\b(?:def|return|if|elif|else|for|while|in|is|not|and|or|import|from|as|with|try|except|finally|raise|pass|class|lambda|None|True|False|global)\b)
        |(?<number>\b\d+(?:\.\d+)?\b)
        """, RegexOptions.IgnorePatternWhitespace);
}
