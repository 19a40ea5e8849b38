using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text;
using HelloMvc.SourceGenerator;
using HelloMvc.Web.LookingInside.Catalog;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.ViewEngines;

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

/// <summary>What the code section leads with: the action that answered, and the Flask lines that do the same.</summary>
public sealed record SourceLead(SourceBlock Action, SourceBlock? Flask);

/// <summary>The code of one demo: its lead, then the rest (the controller, the view, the demo's pieces), in the order a reader wants it.</summary>
public sealed record SourceListing(SourceLead Lead, IReadOnlyList<SourceBlock> Rest, IReadOnlyList<Demo> ScriptSends);

/// <summary>A demo, where its request lands, and its code.</summary>
public sealed record SourcePage(Demo Demo, Landing Landing, SourceListing Code);

/// <summary>
/// The code behind each demo. The action comes from an endpoint's own metadata (its ControllerActionDescriptor's
/// MethodInfo), its lines and its Flask twin from the listings the build made (EmbeddedSources); the view is the one
/// the view engine finds for the action's View(…) call; the other pieces come from the demo catalogue.
/// Nothing here knows a line number, and nothing here parses code.
/// </summary>
public sealed class SourceListings
{
    private readonly EmbeddedSources _sources;
    private readonly DemoRouting _routing;
    private readonly ICompositeViewEngine _views;
    private readonly ConcurrentDictionary<string, SourcePage> _demos = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<MethodInfo, SourceLead> _leads = new();
    private readonly Lazy<IReadOnlyDictionary<string, Demo>> _byPath = new(() => DemoCatalog.All
        .GroupBy(demo => demo.PathOnly, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(group => group.Key, group => group.First(), StringComparer.OrdinalIgnoreCase));
    private readonly Lazy<IReadOnlyDictionary<MethodInfo, IReadOnlyList<Demo>>> _byAction;

    public SourceListings(EmbeddedSources sources, DemoRouting routing, ICompositeViewEngine views)
    {
        _sources = sources;
        _routing = routing;
        _views = views;
        // Every demo lands on an action (the catalogue's paths are the site's own); demos landing on one action share its pieces.
        _byAction = new(() => DemoCatalog.All
            .GroupBy(demo => Land(demo).Action.MethodInfo)
            .ToDictionary(group => group.Key, group => (IReadOnlyList<Demo>)group.ToList()));
    }

    /// <summary>The demo whose URL has this path (no query string), and all its code; null when no demo has it.</summary>
    public SourcePage? ForDemo(string path, HttpContext context) =>
        _byPath.Value.TryGetValue(path, out var demo)
            ? _demos.GetOrAdd(demo.PathOnly, _ => Describe(demo, context))
            : null;

    /// <summary>
    /// What a page's code section leads with, for the action that answered it, and the demo whose /source page has the
    /// rest (the one at this path, else the first that lands on the action); null when the action is no demo's.
    /// </summary>
    public (SourceLead Lead, Demo Demo)? ForPage(ControllerActionDescriptor action, string path) =>
        _byAction.Value.TryGetValue(action.MethodInfo, out var demos)
            ? (LeadOf(action.MethodInfo), demos.FirstOrDefault(demo => string.Equals(demo.PathOnly, path, StringComparison.OrdinalIgnoreCase)) ?? demos[0])
            : null;

    /// <summary>The same, for a URL with the shape of a demo's route whose constraints refused it; null if none has.</summary>
    public (SourceLead Lead, Demo Demo)? ForRefused(string method, string path) =>
        _routing.Find(method, path) is { RefusedByConstraint: true } landing ? ForPage(landing.Action, path) : null;

    private Landing Land(Demo demo) =>
        _routing.Find(demo.Method, demo.PathOnly)
        ?? throw new InvalidOperationException($"No route of the site has the shape of the demo {demo.Method} {demo.Path}.");

    private SourceLead LeadOf(MethodInfo action) => _leads.GetOrAdd(action, method =>
    {
        var (file, lines, _) = Declaration(method);
        var flask = _sources.Flask(method) is { } twin ? new SourceBlock(twin.File, "the same in Flask", [twin.Lines]) : null;
        return new SourceLead(new SourceBlock(file, "the action", [lines]), flask);
    });

    private SourcePage Describe(Demo demo, HttpContext context)
    {
        var landing = Land(demo);
        var action = landing.Action;
        var (file, _, view) = Declaration(action.MethodInfo);
        var demos = _byAction.Value.GetValueOrDefault(action.MethodInfo) ?? [];
        var pieces = demos.SelectMany(demo => demo.Source).Distinct().Select(Locate).ToList();

        // The action's own class: its attributes and declaration (a route prefix, [UsesSession]), and any piece beside the action.
        var controller = action.ControllerTypeInfo.AsType();
        var rest = new List<SourceBlock>
        {
            new(file, "the controller it sits in", Merge(pieces.Where(piece => piece.File == file).Select(piece => piece.Lines).Prepend(Header(controller)))),
        };
        foreach (var inherited in Inherited(controller).Where(type => !IsSharedBase(type) || pieces.Any(piece => piece.Type == type)))
        {
            var (inheritedFile, _, header) = _sources.Find(inherited)!.Value;
            rest.Add(new SourceBlock(inheritedFile, "the controller it inherits", [header]));
        }
        if (ViewPath(action, view, context) is { } viewPath)
        {
            var viewFile = _sources.Get(viewPath);
            rest.Add(new SourceBlock(viewFile, "the view it renders when it answers with one", [viewFile.All]));
        }
        foreach (var (pieceFile, lines, _) in pieces.Where(piece => piece.File != file))
        {
            // Pieces of one file (two members of a helper) share its block.
            var shown = rest.FindIndex(block => block.File == pieceFile);
            if (shown < 0)
            {
                rest.Add(new SourceBlock(pieceFile, "what the demo is about", [lines]));
            }
            else
            {
                rest[shown] = new SourceBlock(pieceFile, rest[shown].Role, Merge([.. rest[shown].Ranges, lines]));
            }
        }
        var listing = new SourceListing(LeadOf(action.MethodInfo), rest, demos.SelectMany(demo => demo.ScriptSends).Distinct().ToList());
        return new SourcePage(demo, landing, listing);
    }

    // The site's own controllers the action's controller derives from (HttpChapterController), nearest first.
    private IEnumerable<Type> Inherited(Type controller)
    {
        for (var type = controller.BaseType; type is not null && _sources.Find(type) is not null; type = type.BaseType)
        {
            yield return type;
        }
    }

    // A base that several demo controllers share is the chapter's (its prefix and name): it would repeat on every page of
    // the chapter, so it is shown only where the demo is about it (a catalogue piece names it).
    private bool IsSharedBase(Type type) =>
        _byAction.Value.Keys.Select(method => method.DeclaringType).Distinct().Count(controller => controller is not null && controller.IsSubclassOf(type)) > 1;

    private LineRange Header(Type controller) => _sources.Find(controller)?.Header
        ?? throw new InvalidOperationException($"{controller.FullName} is not among the built sources.");

    /// <summary>The view the view engine finds for the action's View(…) or PartialView(…) call, as a repository path; null for none.</summary>
    private string? ViewPath(ControllerActionDescriptor action, string? view, HttpContext context)
    {
        if (view is null)
        {
            return null;
        }
        var (name, partial) = ListingKeys.ReadView(view);
        name = name.Length == 0 ? action.ActionName : name;
        var routeData = new RouteData();
        foreach (var (key, value) in action.RouteValues)
        {
            routeData.Values[key] = value;
        }
        var actionContext = new ActionContext(context, routeData, action);
        var found = name.StartsWith('~') || name.StartsWith('/')
            ? _views.GetView(executingFilePath: null, name, isMainPage: !partial)
            : _views.FindView(actionContext, name, isMainPage: !partial);
        // The engine names compiled views by their path in the project (/Views/Hello/Index.cshtml).
        return found.View?.Path is { } path && "HelloMvc.Web" + path.TrimStart('~') is var repository && _sources.Contains(repository)
            ? repository
            : null;
    }

    /// <summary>The file a piece lives in and its lines, and the type it names (if it names one).</summary>
    private (SourceFile File, LineRange Lines, Type? Type) Locate(SourcePiece piece)
    {
        if (piece.Type is { } type)
        {
            (SourceFile File, LineRange Lines)? found = piece.Member is null
                ? _sources.Find(type) is { } declared ? (declared.File, declared.Declaration) : null
                : _sources.Member(type, piece.Member);
            return found is { } located
                ? (located.File, located.Lines, type)
                : throw new InvalidOperationException($"{type.FullName}{(piece.Member is null ? "" : "." + piece.Member)} is not among the built sources.");
        }
        if (piece.Member is null)
        {
            var whole = _sources.Get(piece.Path!);
            return (whole, whole.All, null);
        }
        return _sources.Statement(piece.Path!, piece.Member) is { } statement
            ? (statement.File, statement.Lines, null)
            : throw new InvalidOperationException($"{piece.Path} has no statement that calls {piece.Member}.");
    }

    private (SourceFile File, LineRange Lines, string? View) Declaration(MethodInfo method) =>
        _sources.Find(method) ?? throw new InvalidOperationException($"{method.DeclaringType!.Name}.{method.Name} is not among the built sources.");

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
