using HelloMvc.Web.Controllers.Http;
using HelloMvc.Web.Hooks;
using HelloMvc.Web.LookingInside.Exchange;
using HelloMvc.Web.Models;
using HelloMvc.Web.Negotiation;
using HelloMvc.Web.Redirects;
using HelloMvc.Web.Routing;
using HelloMvc.Web.Validation;

namespace HelloMvc.Web.LookingInside.Catalog;

/// <summary>
/// Every demo of the site, in the order of the study note: its chapters, and in each the note's sections. The index is
/// rendered from this list and the tests walk it, so a new demo is one line here (and its test).
/// </summary>
public static class DemoCatalog
{
    public const string MinimalApp = "Chapter 1: the minimal app";
    public const string Http = "Chapter 2: HTTP";
    public const string LookingInside = "Looking inside";

    /// <summary>Every demo on the index, in its order.</summary>
    public static IEnumerable<Demo> OnIndex =>
        Chapters.SelectMany(chapter => chapter.Sections).SelectMany(section => section.Demos);

    /// <summary>Every demo: those on the index and the requests their pages' scripts send.</summary>
    public static IEnumerable<Demo> All => OnIndex.SelectMany(demo => demo.ScriptSends.Prepend(demo));

    /// <summary>The first demo on the index that answers with this status, or a request a page's script sends; null if none.</summary>
    public static Demo? FirstAnswering(int status) => All.FirstOrDefault(demo => demo.Status == status);

    private static readonly IReadOnlyList<SourcePiece> ColorConstraint =
        [SourcePiece.Of(typeof(ColorRouteConstraint)), SourcePiece.Program(nameof(RoutingServiceCollectionExtensions.AddRouting))];

    private static readonly IReadOnlyList<SourcePiece> DecimalNumberConstraint =
        [SourcePiece.Of(typeof(DecimalNumberRouteConstraint)), SourcePiece.Program(nameof(RoutingServiceCollectionExtensions.AddRouting))];

    private static readonly SourcePiece TheTeardownHook = SourcePiece.Program(nameof(HttpLoggingServicesExtensions.AddHttpLogging));

    private static readonly SourcePiece SafeRedirect = SourcePiece.Of(typeof(SafeRedirectExtensions));

    private static readonly SourcePiece TheNote = SourcePiece.Of(typeof(Note));

    // The lab's form as MVC binds and checks it: the model, each rule it names, the checkbox binder, and the first error.
    private static readonly IReadOnlyList<SourcePiece> TheCookieLabRules =
    [
        SourcePiece.Of(typeof(CookieLabForm)), SourcePiece.Of(typeof(InputRuleAttribute)), SourcePiece.Of(typeof(CookieNameAttribute)),
        SourcePiece.Of(typeof(NoLineBreakAttribute)), SourcePiece.Of(typeof(MaxUtf8BytesAttribute)), SourcePiece.Of(typeof(MaxAgeAttribute)),
        SourcePiece.Of(typeof(CookieDateAttribute)), SourcePiece.Of(typeof(CookiePathAttribute)), SourcePiece.Of(typeof(OneOfAttribute)),
        SourcePiece.Of(typeof(CheckboxAttribute)), SourcePiece.Of(typeof(CheckboxModelBinder)),
        SourcePiece.Of(typeof(ModelStateExtensions), nameof(ModelStateExtensions.FirstError)),
    ];

    private static readonly SourcePiece TheSession = SourcePiece.Program(nameof(SessionServiceCollectionExtensions.AddSession));

    private static readonly SourcePiece TheFilters = SourcePiece.Program(nameof(MvcServiceCollectionExtensions.AddControllersWithViews));

    public static IReadOnlyList<Chapter> Chapters { get; } =
    [
        new("chapter-1", MinimalApp,
        [
            new("The minimal app", "最小的flask app",
            [
                new("/hello", "One route, one action, one view: the smallest page there is."),
            ]),
            new("One view, many URLs", "一个视图可以绑定多个URL",
            [
                new("/hello/hi", "One action bound to two URLs with two route attributes…"),
                new("/hello/hello", "…and the same action reached through its second URL."),
            ]),
            new("Dynamic URLs", "动态URL",
            [
                new("/hello/greet", "A route value with a default: no name in the URL means Programmer."),
                new("/hello/greet/Grey", "The route value taken from the URL, HTML-encoded on the way out."),
            ]),
            new("The environment", "设置运行环境",
            [
                new("/hello/error", "An action that throws: the debugger in Development, the 500 page otherwise.",
                    StatusCodes.Status500InternalServerError) { Source = [SourcePiece.Program(nameof(ExceptionHandlerExtensions.UseExceptionHandler))] },
            ]),
            new("Commands and the shell", "使用flask shell启动Python Shell, 自定义flask命令", [],
            [
                new("dotnet run --project HelloMvc.Web -- hello", "Hello, Human! (a custom command, like flask hello)"),
                new("dotnet run --project HelloMvc.Web -- routes", "the route table as text (flask routes)"),
                new("dotnet run --project HelloMvc.Web -- shell", "a C# prompt with the built app in scope (flask shell); try App.Environment.EnvironmentName"),
                new("dotnet run --project HelloMvc.Web -- --help", "every command, and how to start the server"),
            ]),
        ]),
        new("chapter-2", Http,
        [
            new("The request", "Request 对象",
            [
                new("/http/hello", "Hello, {name}: the name from the query, else the name cookie, else Human; and the session's login state.")
                    { Source = [TheSession] },
                new("/http/hello?name=Grey", "The same page with a query string."),
                new("/http", "The same action again, bound to the chapter's root.")
                    { Source = [SourcePiece.Of(typeof(HttpChapterController))] },
                new("/http/request", "The request inspector: method, URL parts, query, cookies, headers, remote address."),
            ]),
            new("How a request is handled", "Flask 处理请求",
            [
                new("/routes", "The route table, read from the framework's own endpoints (flask routes, as a page).")
                    { Source = [SourcePiece.Of(typeof(RouteTable), nameof(RouteTable.Rows))] },
            ]),
            new("HTTP methods", "设置监听的HTTP方法",
            [
                new("/http/methods", "GET shows a form; its POST (with an antiforgery token) answers on the same URL. PUT is a 405.")
                    { Source = [TheFilters] },
            ]),
            new("URL rules", "URL处理",
            [
                new("/http/goback/34", "A route constraint converts the year to an int: Welcome to this year minus 34."),
                new("/http/goback/abc", "Not a whole number, so the constraint rejects it before the action runs.", StatusCodes.Status404NotFound),
                new("/http/colors/blue", "A custom constraint fed by one list: blue, white and red only.") { Source = ColorConstraint },
                new("/http/colors/green", "Not in the list: the route does not match.", StatusCodes.Status404NotFound) { Source = ColorConstraint },
                new("/http/half/3.5", "Flask's float: a custom constraint takes a finite decimal number in invariant form, and the action halves it.")
                    { Source = DecimalNumberConstraint },
                new("/http/half/NaN", "NaN, Infinity, 1e999 and 3,5 are no decimal numbers here: the route does not match.", StatusCodes.Status404NotFound)
                    { Source = DecimalNumberConstraint },
                new("/http/path/a/b/c", "Flask's path: a catch-all parameter takes the rest of the URL, slashes included."),
                new("/http/item/3FA85F64-5717-4562-B3FC-2C963F66AFA6", "Flask's uuid: the guid constraint matches a UUID, shown in canonical lower case."),
                new("/http/converters", "The note's table of converters, each beside the route constraint that plays its part."),
            ]),
            new("Request hooks", "请求钩子",
            [
                new("/http/hooks", "Flask's five request hooks beside their ASP.NET counterparts, each with its evidence from this very request.")
                    { Source = [SourcePiece.Of(typeof(ApplicationStartedAt)), SourcePiece.Of(typeof(ServerTimingFilter)), TheFilters] },
                new("/http/g?name=Grey", "A before-request filter stored the name in HttpContext.Items (Flask's g); the action reads it there.")
                    { Source = [SourcePiece.Of(typeof(RememberNameFilter)), TheFilters] },
            ]),
            new("Responses", "在Flask中生成响应",
            [
                new("/http/hi", "A redirect built by URL generation.", StatusCodes.Status302Found),
                new("/http/redirect", "A redirect to another site.", StatusCodes.Status302Found),
                new("/http/created", "A status code chosen by the action, with a body and a Location header.", StatusCodes.Status201Created)
                    { Source = [TheNote] },
                new("/http/brew/tea", "Any drink but coffee: a drop of tea."),
                new("/http/brew/coffee", "Coffee, from a teapot.", StatusCodes.Status418ImATeapot),
                new("/http/404", "The action gives up with NotFound().", StatusCodes.Status404NotFound),
                new("/http/response", "Flask's make_response: one response built by hand, with its status, media type, a header and a cookie.",
                    StatusCodes.Status202Accepted) { RawAnswer = true },
            ]),
            new("Response formats", "响应格式",
            [
                new("/http/note", "The note as plain text…") { Source = [TheNote], RawAnswer = true },
                new("/http/note/html", "…as its own small HTML document…") { RawAnswer = true },
                new("/http/note/xml", "…as XML…") { RawAnswer = true },
                new("/http/note/json", "…and as JSON.") { RawAnswer = true },
                new("/http/note/pdf", "A type the action does not know.", StatusCodes.Status400BadRequest),
            ]),
            new("Cookies", "Cookie",
            [
                new("/http/set/Grey", "Sets the name cookie, then redirects to the hello page that reads it.", StatusCodes.Status302Found),
                new("/http/cookie", "The cookie lab: set_cookie()'s parameters beside CookieOptions, a form to set a cookie with them, and the cookies you sent.")
                    { Source = [SourcePiece.Of(typeof(CookieLabForm))] },
                new("/http/cookie/set?name=brief&value=gone%20soon&maxAge=10&sameSite=Strict", "What the lab's form sends: a cookie that lives ten seconds, then a redirect back to the lab.",
                    StatusCodes.Status302Found) { Source = TheCookieLabRules },
            ]),
            new("The session", "session",
            [
                new("/http/login", "Puts logged_in in the session, then redirects to hello.", StatusCodes.Status302Found)
                    { Source = [TheSession] },
                new("/http/admin", "Only for logged-in learners; everyone else is refused.", StatusCodes.Status403Forbidden)
                    { Source = [TheSession] },
                new("/http/logout", "Takes logged_in out of the session, then redirects to hello.", StatusCodes.Status302Found)
                    { Source = [TheSession] },
            ]),
            new("Contexts", "Flask上下文",
            [
                new("/http/context?name=Grey", "The app, g, the request and the session side by side.")
                    { Source = [SourcePiece.Of(typeof(RememberNameFilter)), TheSession] },
            ]),
            new("Context hooks", "上下文钩子",
            [
                new("/http/hooks#teardown", "teardown_request: the line the framework's HTTP logging wrote for this browser's previous request.")
                    { Source = [TheTeardownHook, SourcePiece.Of(typeof(TeardownLinesPerBrowser), nameof(TeardownLinesPerBrowser.ForThisBrowser))] },
            ]),
            new("Redirecting back", "重定向回上一个页面",
            [
                new("/http/foo", "A page whose link does something, then comes back here.") { Source = [SafeRedirect] },
                new("/http/bar", "Another such page: the redirect goes back to whichever sent you.") { Source = [SafeRedirect] },
                new("/http/do-something?next=//evil.example", "An unsafe next is ignored: back to the Referer or hello instead.", StatusCodes.Status302Found)
                    { Source = [SafeRedirect] },
            ]),
            new("AJAX", "使用AJAX技术发送异步请求",
            [
                new("/http/post", "A long post that loads more of itself: jQuery asks the server for partial HTML, JSON and a 204.")
                {
                    Source = [SourcePiece.File("HelloMvc.Web/wwwroot/js/post.js")],
                    ScriptSends = [new("/http/post/delete/1", "What the delete button sends: DELETE answers 204 No Content, with no body.",
                        StatusCodes.Status204NoContent) { Method = HttpMethods.Delete }],
                },
                new("/http/more?page=2", "What Load More fetches: a partial view, only the paragraphs, no layout (JSON if asked for).")
                    { Source = [SourcePiece.Of(typeof(AcceptHeaderExtensions), nameof(AcceptHeaderExtensions.PrefersJson))], RawAnswer = true },
                new("/http/comments/1", "A post's comments as a partial view, generated from its id: the same id, the same comments.") { RawAnswer = true },
                new("/http/profile/1", "A user's profile as JSON, for the page's script to show.") { RawAnswer = true },
            ]),
        ]),
        new("looking-inside", LookingInside,
        [
            new("The site itself", "",
            [
                new("/exchange?path=/http/set/Grey", "The raw HTTP exchange of one request, sent by the site over a socket to its own address: request line and headers, status line, every response header (here a Location and a Set-Cookie, and the server's own Date; no Server header, since the site does not name its software), the body.")
                    { Source = [SourcePiece.Of(typeof(ExchangeController), nameof(ExchangeController.Viewable)), SourcePiece.Of(typeof(ExchangePaths), nameof(ExchangePaths.IsViewable)), SourcePiece.Of(typeof(ExchangeClient), nameof(ExchangeClient.SendAsync))] },
                new("/http/status-codes", "The common status codes and what they mean, each next to the demo here that answers with it."),
            ]),
        ]),
    ];
}
