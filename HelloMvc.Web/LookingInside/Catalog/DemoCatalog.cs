namespace HelloMvc.Web.LookingInside.Catalog;

/// <summary>One demo on the index: the URL a learner opens, what it teaches, and the status it answers with.</summary>
public sealed record Demo(string Path, string Explains, int Status = StatusCodes.Status200OK)
{
    /// <summary>The method of the request; only a script sends anything but GET.</summary>
    public string Method { get; init; } = HttpMethods.Get;

    /// <summary>The code the demo is about besides its action and view (a filter, a helper, a script), shown with them.</summary>
    public IReadOnlyList<SourcePiece> Code { get; init; } = [];

    /// <summary>Requests the page's own script sends that no link can (a DELETE): demos with code of their own.</summary>
    public IReadOnlyList<Demo> ScriptSends { get; init; } = [];

    /// <summary>The path without its query string: what names the demo on /source.</summary>
    public string PathOnly => Path.Split('?', 2)[0];

    /// <summary>A status other than 200 (an error, a redirect, a 201) is the point of the demo; the index says so.</summary>
    public bool StatusIsThePoint => Status != StatusCodes.Status200OK;

    /// <summary>Every demo can be seen as a raw exchange, except the exchange viewer itself, which refuses to look at itself.</summary>
    public bool HasExchange => Method == HttpMethods.Get && !Path.StartsWith("/exchange", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// A piece of the site's code, by its repository path: the whole file, or one member of it (a type, a method, or in
/// Program.cs the statement that calls a method of that name).
/// </summary>
public sealed record SourcePiece(string Path, string? Member = null)
{
    public static SourcePiece Program(string calls) => new("HelloMvc.Web/Program.cs", calls);
}

/// <summary>A command a learner types, and what it prints.</summary>
public sealed record CommandDemo(string Command, string Prints);

public sealed record Section(string Title, IReadOnlyList<Demo> Demos, IReadOnlyList<CommandDemo>? Commands = null);

public sealed record Chapter(string Id, string Title, IReadOnlyList<Section> Sections);

/// <summary>
/// Every demo of the site, in the order of the study note. The index is rendered from this list
/// and the tests walk it, so a new demo is one line here (and its test).
/// </summary>
public static class DemoCatalog
{
    public const string MinimalApp = "Chapter 1: the minimal app";
    public const string Http = "Chapter 2: HTTP";
    public const string LookingInside = "Looking inside";

    /// <summary>Every demo: those on the index and the requests their pages' scripts send.</summary>
    public static IEnumerable<Demo> All =>
        Chapters.SelectMany(chapter => chapter.Sections).SelectMany(section => section.Demos).SelectMany(demo => demo.ScriptSends.Prepend(demo));

    /// <summary>The first demo on the index that answers with this status, if there is one.</summary>
    public static Demo? FirstAnswering(int status) =>
        Chapters.SelectMany(chapter => chapter.Sections).SelectMany(section => section.Demos).FirstOrDefault(demo => demo.Status == status);

    private static readonly IReadOnlyList<SourcePiece> ColorConstraint =
        [new("HelloMvc.Web/Routing/ColorRouteConstraint.cs"), SourcePiece.Program("AddRouting")];

    private static readonly SourcePiece SafeRedirect = new("HelloMvc.Web/Redirects/SafeRedirectExtensions.cs");

    private static readonly SourcePiece TheNote = new("HelloMvc.Web/Models/Note.cs", "Note");

    public static IReadOnlyList<Chapter> Chapters { get; } =
    [
        new("chapter-1", MinimalApp,
        [
            new("The minimal app",
            [
                new("/hello", "One route, one action, one view: the smallest page there is."),
                new("/hello/hi", "One action bound to two URLs with two route attributes…"),
                new("/hello/hello", "…and the same action reached through its second URL."),
                new("/hello/greet", "A route value with a default: no name in the URL means Programmer."),
                new("/hello/greet/Grey", "The route value taken from the URL, HTML-encoded on the way out."),
                new("/hello/error", "An action that throws: the debugger in Development, the 500 page otherwise.",
                    StatusCodes.Status500InternalServerError) { Code = [SourcePiece.Program("UseExceptionHandler")] },
            ],
            [
                new("dotnet run --project HelloMvc.Web -- hello", "Hello, Human! (a custom command, like flask hello)"),
                new("dotnet run --project HelloMvc.Web -- routes", "the route table as text (flask routes)"),
                new("dotnet run --project HelloMvc.Web -- shell", "a C# prompt with the built app in scope (flask shell); try App.Environment.EnvironmentName"),
                new("dotnet run --project HelloMvc.Web -- --help", "every command, and how to start the server"),
            ]),
        ]),
        new("chapter-2", Http,
        [
            new("The request",
            [
                new("/http/hello", "Hello, {name}: the name from the query, else the name cookie, else Human; and the session's login state.")
                    { Code = [SourcePiece.Program("AddSession")] },
                new("/http/hello?name=Grey", "The same page with a query string."),
                new("/http", "The same action again, bound to the chapter's root."),
                new("/http/request", "The request inspector: method, URL parts, query, cookies, headers, remote address."),
                new("/http/methods", "GET shows a form; its POST (with an antiforgery token) answers on the same URL. PUT is a 405.")
                    { Code = [SourcePiece.Program("AddControllersWithViews")] },
            ]),
            new("URL rules",
            [
                new("/http/goback/34", "A route constraint converts the year to an int: Welcome to this year minus 34."),
                new("/http/goback/abc", "Not a whole number, so the constraint rejects it before the action runs.", StatusCodes.Status404NotFound),
                new("/http/colors/blue", "A custom constraint fed by one list: blue, white and red only.") { Code = ColorConstraint },
                new("/http/colors/green", "Not in the list: the route does not match.", StatusCodes.Status404NotFound) { Code = ColorConstraint },
            ]),
            new("Request hooks and contexts",
            [
                new("/http/g?name=Grey", "A before-request filter stored the name in HttpContext.Items (Flask's g); the action reads it there.")
                    { Code = [new("HelloMvc.Web/Hooks/RememberNameFilter.cs"), SourcePiece.Program("AddControllersWithViews")] },
                new("/http/context?name=Grey", "The app, g, the request and the session side by side.")
                    { Code = [new("HelloMvc.Web/Hooks/RememberNameFilter.cs"), SourcePiece.Program("AddSession")] },
            ]),
            new("Responses",
            [
                new("/http/hi", "A redirect built by URL generation.", StatusCodes.Status302Found),
                new("/http/redirect", "A redirect to another site.", StatusCodes.Status302Found),
                new("/http/created", "A status code chosen by the action, with a body and a Location header.", StatusCodes.Status201Created)
                    { Code = [TheNote] },
                new("/http/brew/tea", "Any drink but coffee: a drop of tea."),
                new("/http/brew/coffee", "Coffee, from a teapot.", StatusCodes.Status418ImATeapot),
                new("/http/404", "The action gives up with NotFound().", StatusCodes.Status404NotFound),
                new("/http/note", "The note as plain text…") { Code = [TheNote] },
                new("/http/note/html", "…as its own small HTML document…"),
                new("/http/note/xml", "…as XML…"),
                new("/http/note/json", "…and as JSON."),
                new("/http/note/pdf", "A type the action does not know.", StatusCodes.Status400BadRequest),
            ]),
            new("Cookies and the session",
            [
                new("/http/set/Grey", "Sets the name cookie, then redirects to the hello page that reads it.", StatusCodes.Status302Found),
                new("/http/login", "Puts logged_in in the session, then redirects to hello.", StatusCodes.Status302Found)
                    { Code = [SourcePiece.Program("AddSession")] },
                new("/http/admin", "Only for logged-in learners; everyone else is refused.", StatusCodes.Status403Forbidden)
                    { Code = [SourcePiece.Program("AddSession")] },
                new("/http/logout", "Takes logged_in out of the session, then redirects to hello.", StatusCodes.Status302Found)
                    { Code = [SourcePiece.Program("AddSession")] },
            ]),
            new("Redirecting back",
            [
                new("/http/foo", "A page whose link does something, then comes back here.") { Code = [SafeRedirect] },
                new("/http/bar", "Another such page: the redirect goes back to whichever sent you.") { Code = [SafeRedirect] },
                new("/http/do-something?next=//evil.example", "An unsafe next is ignored: back to the Referer or hello instead.", StatusCodes.Status302Found)
                    { Code = [SafeRedirect] },
            ]),
            new("AJAX",
            [
                new("/http/post", "A long post that loads more of itself: jQuery asks the server for partial HTML, JSON and a 204.")
                {
                    Code = [new("HelloMvc.Web/wwwroot/js/post.js")],
                    ScriptSends = [new("/http/post/delete/1", "What the delete button sends: DELETE answers 204 No Content, with no body.",
                        StatusCodes.Status204NoContent) { Method = HttpMethods.Delete }],
                },
                new("/http/more?page=2", "What Load More fetches: a partial view, only the paragraphs, no layout (JSON if asked for).")
                    { Code = [new("HelloMvc.Web/Negotiation/AcceptHeaderExtensions.cs", "PrefersJson")] },
                new("/http/comments/1", "A post's comments as a partial view, generated from its id: the same id, the same comments."),
                new("/http/profile/1", "A user's profile as JSON, for the page's script to show."),
            ]),
        ]),
        new("looking-inside", LookingInside,
        [
            new("The site itself",
            [
                new("/routes", "The route table, read from the framework's own endpoints (flask routes, as a page).")
                    { Code = [new("HelloMvc.Web/Routing/RouteTable.cs", "Rows")] },
                new("/exchange?path=/http/set/Grey", "The raw HTTP exchange of one request, sent by the site over a socket to its own address: request line and headers, status line, every response header (here a Location and a Set-Cookie, and the server's own Date and Server), the body.")
                    { Code = [new("HelloMvc.Web/LookingInside/Exchange/ExchangeController.cs", "IsViewable"), new("HelloMvc.Web/LookingInside/Exchange/WireClient.cs", "SendAsync")] },
                new("/http/status-codes", "The common status codes and what they mean, each next to the demo here that answers with it."),
            ]),
        ]),
    ];
}
