namespace HelloMvc.Web.Demos;

/// <summary>One demo on the index: the URL a learner opens, what it teaches, and the status it answers with.</summary>
public sealed record Demo(string Path, string Explains, int Status = StatusCodes.Status200OK)
{
    /// <summary>Errors and redirects are the point of some demos; the index says so next to the link.</summary>
    public bool StatusIsThePoint => Status >= 300;
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
                    StatusCodes.Status500InternalServerError),
            ],
            [
                new("dotnet run --project HelloMvc.Web -- hello", "Hello, Human! (a custom command, like flask hello)"),
                new("dotnet run --project HelloMvc.Web -- routes", "the route table as text (flask routes)"),
                new("dotnet run --project HelloMvc.Web -- --help", "every command, and how to start the server"),
            ]),
        ]),
        new("chapter-2", Http,
        [
            new("AJAX",
            [
                new("/http/post", "A long post that loads more of itself: jQuery asks the server for partial HTML, JSON and a 204."),
                new("/http/more?page=2", "What Load More fetches: a partial view, only the paragraphs, no layout (JSON if asked for)."),
                new("/http/comments/1", "A post's comments as a partial view, generated from its id: the same id, the same comments."),
                new("/http/profile/1", "A user's profile as JSON, for the page's script to show."),
            ]),
        ]),
        new("looking-inside", LookingInside,
        [
            new("The site itself",
            [
                new("/routes", "The route table, read from the framework's own endpoints (flask routes, as a page)."),
            ]),
        ]),
    ];
}
