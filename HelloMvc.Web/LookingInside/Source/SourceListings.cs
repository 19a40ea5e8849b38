using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text;
using HelloMvc.Web.LookingInside.Catalog;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace HelloMvc.Web.LookingInside.Source;

/// <summary>One file's part in a demo: which of its lines to show, and what they are to the demo.</summary>
public sealed record SourceBlock(SourceFile File, string Role, IReadOnlyList<LineRange> Ranges)
{
    /// <summary>The lines as the inside of a &lt;pre&gt;: each with its number in the file, a ⋮ where lines are left out.</summary>
    public IHtmlContent Markup { get; } = Render(File, Ranges);

    private static HtmlString Render(SourceFile file, IReadOnlyList<LineRange> ranges)
    {
        var html = new StringBuilder();
        foreach (var range in ranges)
        {
            if (range != ranges[0])
            {
                html.Append("<span class=\"gap\">⋮</span>\n");
            }
            for (var number = range.First; number <= range.Last; number++)
            {
                html.Append(CultureInfo.InvariantCulture, $"<span class=\"line\"><span class=\"ln\">{number}</span>")
                    .Append(file.Lines[number - 1]).Append("</span>\n");
            }
        }
        return new HtmlString(html.ToString());
    }
}

/// <summary>The code of one demo, in the order a reader wants it: the action, its controllers, its view, the rest.</summary>
public sealed record SourceListing(IReadOnlyList<SourceBlock> Blocks, IReadOnlyList<Demo> ScriptSends);

/// <summary>A demo, where its request lands, and its code.</summary>
public sealed record SourcePage(Demo Demo, Landing Landing, SourceListing Code);

/// <summary>
/// The code behind each demo. The action comes from an endpoint's own metadata (its ControllerActionDescriptor's
/// MethodInfo) and is found by name in its file's syntax tree; the view is the one that rendered (on a page) or the
/// one the action's View(…) call names; the other pieces come from the demo catalogue. Nothing here knows a line number.
/// </summary>
public sealed class SourceListings
{
    private readonly EmbeddedSources _sources;
    private readonly DemoRouting _routing;
    private readonly ConcurrentDictionary<string, SourcePage> _demos = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<(MethodInfo, string?), SourceListing> _pages = new();
    private readonly Lazy<IReadOnlyDictionary<string, Demo>> _byPath = new(() => DemoCatalog.All
        .GroupBy(demo => demo.PathOnly, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(group => group.Key, group => group.First(), StringComparer.OrdinalIgnoreCase));
    private readonly Lazy<IReadOnlyDictionary<MethodInfo, IReadOnlyList<Demo>>> _byAction;

    public SourceListings(EmbeddedSources sources, DemoRouting routing)
    {
        _sources = sources;
        _routing = routing;
        // Every demo lands on an action (the catalogue's paths are the site's own); demos landing on one action share its pieces.
        _byAction = new(() => DemoCatalog.All
            .GroupBy(demo => Land(demo).Action.MethodInfo)
            .ToDictionary(group => group.Key, group => (IReadOnlyList<Demo>)group.ToList()));
    }

    /// <summary>The demo whose URL has this path (no query string), and its code; null when no demo has it.</summary>
    public SourcePage? ForDemo(string path) =>
        _byPath.Value.TryGetValue(path, out var demo)
            ? _demos.GetOrAdd(demo.PathOnly, _ => Describe(demo))
            : null;

    /// <summary>The code of a page that an action just rendered with a view; null when the action is no demo's.</summary>
    public SourceListing? ForPage(ControllerActionDescriptor action, string? viewPath)
    {
        if (!DemosByAction.ContainsKey(action.MethodInfo))
        {
            return null;
        }
        var view = viewPath is null ? null : "HelloMvc.Web" + viewPath.TrimStart('~');
        return _pages.GetOrAdd((action.MethodInfo, view), key => Listing(action, key.Item2 is { } path && _sources.Contains(path) ? path : null));
    }

    /// <summary>The code of a demo's route that has the request's shape but whose constraints refused it; null if none has.</summary>
    public SourceListing? ForRefused(string method, string path) =>
        _routing.Find(method, path) is { RefusedByConstraint: true } landing ? ForPage(landing.Action, viewPath: null) : null;

    private IReadOnlyDictionary<MethodInfo, IReadOnlyList<Demo>> DemosByAction => _byAction.Value;

    private Landing Land(Demo demo) =>
        _routing.Find(demo.Method, demo.PathOnly)
        ?? throw new InvalidOperationException($"No route of the site has the shape of the demo {demo.Method} {demo.Path}.");

    private SourcePage Describe(Demo demo)
    {
        var landing = Land(demo);
        var (_, method) = Declaration(landing.Action.MethodInfo);
        return new SourcePage(demo, landing, Listing(landing.Action, ViewNamedBy(landing.Action, method), "the view it renders when it answers with one"));
    }

    private SourceListing Listing(ControllerActionDescriptor action, string? view, string viewRole = "the view that rendered")
    {
        var (file, method) = Declaration(action.MethodInfo);
        var controller = (TypeDeclarationSyntax)method.Parent!;
        var blocks = new List<SourceBlock> { new(file, "the action", Merge([HeaderOf(file, controller), file.LinesOf(method)])) };

        for (var type = action.MethodInfo.DeclaringType!.BaseType; type is not null && _sources.Find(type) is { } inherited; type = type.BaseType)
        {
            blocks.Add(new SourceBlock(inherited.File, "the controller it inherits", [HeaderOf(inherited.File, inherited.Declaration)]));
        }
        if (view is not null)
        {
            var viewFile = _sources.Get(view);
            blocks.Add(new SourceBlock(viewFile, viewRole, [viewFile.All]));
        }
        var demos = DemosByAction.GetValueOrDefault(action.MethodInfo) ?? [];
        foreach (var piece in demos.SelectMany(demo => demo.Source).Distinct())
        {
            var (pieceFile, lines) = Locate(piece);
            // A piece from a file already shown (a helper next to the action) joins that file's block.
            var shown = blocks.FindIndex(block => block.File == pieceFile);
            if (shown < 0)
            {
                blocks.Add(new SourceBlock(pieceFile, "what the demo is about", [lines]));
            }
            else
            {
                blocks[shown] = new SourceBlock(pieceFile, blocks[shown].Role, Merge([.. blocks[shown].Ranges, lines]));
            }
        }
        return new SourceListing(blocks, demos.SelectMany(demo => demo.ScriptSends).Distinct().ToList());
    }

    /// <summary>The file a piece lives in, and its lines: a type's declaration or one member of it, a member of a file, or all of a file.</summary>
    private (SourceFile File, LineRange Lines) Locate(SourcePiece piece)
    {
        if (piece.Type is { } type)
        {
            var (file, declaration) = _sources.Find(type)
                ?? throw new InvalidOperationException($"{type.FullName} is not declared in the embedded sources.");
            return (file, piece.Member is null ? file.LinesOf(declaration) : Member(file, piece.Member));
        }
        var whole = _sources.Get(piece.Path!);
        return (whole, piece.Member is null ? whole.All : Member(whole, piece.Member));
    }

    /// <summary>The method's declaration, found by its name (and its parameters', for an overload) in its type's file.</summary>
    private (SourceFile File, MethodDeclarationSyntax Method) Declaration(MethodInfo method)
    {
        var type = method.DeclaringType!;
        var (file, declaration) = _sources.Find(type)
            ?? throw new InvalidOperationException($"{type.FullName} is not declared in the embedded sources.");
        var parameters = method.GetParameters().Select(parameter => parameter.Name).ToList();
        var found = declaration.Members.OfType<MethodDeclarationSyntax>().FirstOrDefault(candidate =>
            candidate.Identifier.ValueText == method.Name
            && candidate.ParameterList.Parameters.Select(parameter => parameter.Identifier.ValueText).SequenceEqual(parameters));
        return (file, found ?? throw new InvalidOperationException($"{type.Name}.{method.Name} is not declared in {file.Path}."));
    }

    /// <summary>The view a View(…) or PartialView(…) call in the action names, or the action's own; null for no view.</summary>
    private string? ViewNamedBy(ControllerActionDescriptor action, MethodDeclarationSyntax method)
    {
        var call = method.DescendantNodes().OfType<InvocationExpressionSyntax>().FirstOrDefault(invocation =>
            invocation.Expression is IdentifierNameSyntax { Identifier.ValueText: nameof(Controller.View) or nameof(Controller.PartialView) });
        if (call is null)
        {
            return null;
        }
        var name = call.ArgumentList.Arguments.FirstOrDefault() is { NameColon: null, Expression: LiteralExpressionSyntax literal }
                   && literal.IsKind(SyntaxKind.StringLiteralExpression)
            ? literal.Token.ValueText
            : action.ActionName;
        return new[] { $"HelloMvc.Web/Views/{action.ControllerName}/{name}.cshtml", $"HelloMvc.Web/Views/Shared/{name}.cshtml" }
            .FirstOrDefault(_sources.Contains);
    }

    // A class's comments, attributes and declaration line (its route prefix, its [UsesSession]), without its body.
    private static LineRange HeaderOf(SourceFile file, TypeDeclarationSyntax type) =>
        file.LinesOf(type) with
        {
            Last = file.LinesOf(type.OpenBraceToken.IsKind(SyntaxKind.OpenBraceToken) ? type.OpenBraceToken.Span : type.Span).Last,
        };

    /// <summary>A type or method of that name, or (in top-level statements) the statement that calls a method of that name.</summary>
    private static LineRange Member(SourceFile file, string name)
    {
        var root = file.Tree?.GetRoot() ?? throw new InvalidOperationException($"{file.Path} has no members to find {name} in.");
        SyntaxNode? node = root.DescendantNodes().OfType<BaseTypeDeclarationSyntax>().FirstOrDefault(type => type.Identifier.ValueText == name)
            ?? (SyntaxNode?)root.DescendantNodes().OfType<MethodDeclarationSyntax>().FirstOrDefault(method => method.Identifier.ValueText == name)
            ?? root.DescendantNodes().OfType<GlobalStatementSyntax>().FirstOrDefault(statement => statement.DescendantNodes()
                .OfType<InvocationExpressionSyntax>().Any(invocation => CalledName(invocation) == name));
        return node is null ? throw new InvalidOperationException($"{file.Path} has no {name}.") : file.LinesOf(node);
    }

    private static string? CalledName(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => null,
    };

    private static IReadOnlyList<LineRange> Merge(IEnumerable<LineRange> ranges)
    {
        var merged = new List<LineRange>();
        foreach (var range in ranges.OrderBy(range => range.First))
        {
            if (merged.Count > 0 && range.First <= merged[^1].Last + 1)
            {
                merged[^1] = merged[^1] with { Last = Math.Max(merged[^1].Last, range.Last) };
            }
            else
            {
                merged.Add(range);
            }
        }
        return merged;
    }
}
