using HelloMvc.Web.Controllers.Http;
using HelloMvc.Web.Hooks;
using HelloMvc.Web.LookingInside.Exchange;
using HelloMvc.Web.Models;
using HelloMvc.Web.Negotiation;
using HelloMvc.Web.Redirects;
using HelloMvc.Web.Routing;
using HelloMvc.Web.TryIt.Tasks;
using HelloMvc.Web.Validation;

namespace HelloMvc.Web.LookingInside.Catalog;

/// <summary>
/// Every demo of the site, in the order of the study note: its chapters, and in each the note's sections. The index is
/// rendered from this list and the tests walk it, so a new demo is one line here (and its test). Each lesson's tasks
/// (Try it) are declared beside it: what to make happen, the requests that try it, and the predicate that solves it.
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

    // The index's own UUID: item-uuid asks for another.
    private static readonly Guid TheIndexItem = Guid.Parse("3FA85F64-5717-4562-B3FC-2C963F66AFA6");

    private static bool IsDigits(string text) => text.Length > 0 && text.All(char.IsAsciiDigit);

    // /http/methods answers 400 to a POST only when MVC's antiforgery filter refused it.
    private static Explanation? MethodsAnswer(SeenExchange seen) => (seen.Method, seen.Status) switch
    {
        ("POST", 400) => "no antiforgery token",
        ("POST", 200) => "POST is one of the two methods the route takes",
        _ => null,
    };

    // admin-after-logout keeps what it needs in its own near miss: the last try it saw was the logout, and the 200 from
    // /http/admin (admin-after-login's evidence) came before it.
    private static bool LoggedOutAfterAdmin(SeenExchange seen) =>
        seen.Progress.Solved.TryGetValue("admin-after-login", out var admin)
        && seen.Previous is { } logout && logout.Request.StartsWith("GET /http/logout", StringComparison.Ordinal) && logout.At >= admin.At;

    public static IReadOnlyList<Chapter> Chapters { get; } =
    [
        new("chapter-1", MinimalApp,
        [
            new("The minimal app", "最小的flask app",
            [
                new("/hello", "One route, one action, one view: the smallest page there is.")
                {
                    Tasks =
                    [
                        new("hello-curl", "Get /hello from a terminal, with curl.",
                            "curl -i -b '<your learner cookie, from /progress>' followed by this page's URL: the server tells curl from a browser by the User-Agent header each sends.",
                            TaskWhere.Terminal("/hello"))
                        {
                            Watches = ["/hello"], Tries = seen => seen.IsGet, Wants = "200 for a request whose User-Agent is curl's",
                            Solves = seen => seen.Status == 200 && seen.Header("User-Agent").StartsWith("curl/", StringComparison.OrdinalIgnoreCase),
                            Explains = seen => seen.Status == 200 ? "the page, asked for by a client that is not curl" : null,
                        },
                    ],
                },
            ]),
            new("One view, many URLs", "一个视图可以绑定多个URL",
            [
                new("/hello/hi", "One action bound to two URLs with two route attributes…")
                {
                    Tasks =
                    [
                        new("two-urls", "Get the same page from both of its URLs, one after the other.",
                            "The action has two [HttpGet] attributes, /hello/hi and /hello/hello: open one, then the other.",
                            TaskWhere.Browser("/hello/hi"))
                        {
                            Watches = ["/hello/hi", "/hello/hello"], Tries = seen => seen.IsGet, Wants = "200 from /hello/hi and from /hello/hello, one after the other",
                            Solves = seen => seen.IsOk && seen.Previous is { Status: 200 or 304 } before && !before.Request.EndsWith(seen.Path.Value!, StringComparison.Ordinal),
                            Explains = seen => seen.IsOk ? "one of its two URLs answered" : null,
                        },
                    ],
                },
                new("/hello/hello", "…and the same action reached through its second URL."),
            ]),
            new("Dynamic URLs", "动态URL",
            [
                new("/hello/greet", "A route value with a default: no name in the URL means Programmer."),
                new("/hello/greet/Grey", "The route value taken from the URL, HTML-encoded on the way out.")
                {
                    Tasks =
                    [
                        new("greet-name", "Make the greeting say a name of your own, taken from the URL.",
                            "The last part of /hello/greet/Grey is the route value {name}, bound to the action's parameter; without it the route's default, Programmer, is used.",
                            TaskWhere.Browser("/hello/greet/Grey"))
                        {
                            Watches = ["/hello/greet", "/hello/greet/{name}"], Tries = seen => seen.IsGet,
                            Wants = "200 from /hello/greet/{name} with a name other than Programmer",
                            Solves = seen => seen.Status == 200 && seen.Value("name") is { Length: > 0 } name && name != "Programmer",
                            Explains = seen => seen.Status == 200 ? "it greeted the route's default, Programmer" : null,
                        },
                    ],
                },
            ]),
            new("The environment", "设置运行环境",
            [
                new("/hello/error", "An action that throws: the debugger in Development, the 500 page otherwise.",
                    StatusCodes.Status500InternalServerError)
                {
                    Source = [SourcePiece.Program(nameof(ExceptionHandlerExtensions.UseExceptionHandler))],
                    Tasks =
                    [
                        new("error-500", "Make an action throw, and see what this environment answers.",
                            "/hello/error throws on purpose: in Development you get the debugger page, in Production the site's own 500 page with a request id and no stack trace.",
                            TaskWhere.Browser("/hello/error"))
                        {
                            Watches = ["/hello/error"], Wants = "500: the action threw", Solves = seen => seen.Status == 500,
                        },
                    ],
                },
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
                {
                    Source = [TheSession],
                    Tasks =
                    [
                        new("hello-query", "Make /http/hello greet you by a name you put in its query string.",
                            "Add ?name=… to the URL: the action reads it with [FromQuery] string? name.",
                            TaskWhere.Browser("/http/hello?name=Grey"))
                        {
                            Watches = ["/http/hello", "/http"], Tries = seen => seen.IsGet, Wants = "200 from /http/hello?name={x}, greeted with x",
                            Solves = seen => seen.Status == 200 && seen.QueryValue("name").Length > 0,
                            Explains = seen => seen.Status == 200 ? "no name in the query, so it greeted the cookie's name or Human" : null,
                        },
                        new("hello-cookie", "Make /http/hello greet you by a name it reads from a cookie, with no name in the URL.",
                            "/http/set/{name} sets the name cookie and redirects to /http/hello; a ?name= in the URL would win over the cookie.",
                            TaskWhere.Browser("/http/set/Grey"))
                        {
                            Watches = ["/http/hello", "/http"], Tries = seen => seen.IsGet,
                            Wants = "200 from /http/hello without ?name=, greeted with the name its name cookie carried",
                            Solves = seen => seen.Status == 200 && seen.QueryValue("name").Length == 0 && seen.Cookie("name").Length > 0,
                            Explains = seen => seen.Status != 200 ? null
                                : seen.QueryValue("name").Length > 0 ? "the query's name wins over the cookie" : "no name cookie came with it, so it greeted Human",
                        },
                    ],
                },
                new("/http/hello?name=Grey", "The same page with a query string."),
                new("/http", "The same action again, bound to the chapter's root.")
                    { Source = [SourcePiece.Of(typeof(HttpChapterController))] },
                new("/http/request", "The request inspector: method, URL parts, query, cookies, headers, remote address.")
                {
                    Tasks =
                    [
                        new("request-ajax", "Make the request inspector say that your request came from AJAX.",
                            "AJAX libraries such as jQuery send the header X-Requested-With: XMLHttpRequest. Add it in the viewer's form, or with curl -H.",
                            TaskWhere.Exchange("/http/request"))
                        {
                            Watches = ["/http/request"], Tries = seen => seen.IsGet, Wants = "200 from /http/request sent with X-Requested-With: XMLHttpRequest",
                            Solves = seen => seen.Status == 200 && seen.Header("X-Requested-With").Equals("XMLHttpRequest", StringComparison.OrdinalIgnoreCase),
                            Explains = seen => seen.Status == 200 ? "the inspector saw no X-Requested-With header" : null,
                        },
                    ],
                },
            ]),
            new("How a request is handled", "Flask 处理请求",
            [
                new("/routes", "The route table, read from the framework's own endpoints (flask routes, as a page).")
                {
                    Source = [SourcePiece.Of(typeof(RouteTable), nameof(RouteTable.Rows))],
                    Tasks =
                    [
                        new("routes-405", "Send /routes a method that its own row of the table does not list.",
                            "Find /routes in the table: its Methods column says GET. In the viewer, keep the path and pick DELETE.",
                            TaskWhere.Exchange("/routes"))
                        {
                            Watches = ["/routes"], Tries = seen => !HttpMethods.IsGet(seen.Method),
                            Wants = "405 from /routes: routing found the URL, but no endpoint for that method", Solves = seen => seen.Status == 405,
                        },
                    ],
                },
            ]),
            new("HTTP methods", "设置监听的HTTP方法",
            [
                new("/http/methods", "GET shows a form; its POST (with an antiforgery token) answers on the same URL. PUT is a 405.")
                {
                    Source = [TheFilters],
                    Tasks =
                    [
                        new("methods-405", "Get a 405 from /http/methods: send it a method its route does not allow.",
                            "The action listens for GET and POST only ([HttpGet] and [HttpPost]). In the viewer, keep the path and pick PUT, DELETE or PATCH; the answer's Allow header names what the route takes.",
                            TaskWhere.Exchange("/http/methods"))
                        {
                            Watches = ["/http/methods"], Tries = seen => !seen.IsGet, Wants = "405: a method the route does not allow",
                            Solves = seen => seen.Status == 405, Explains = MethodsAnswer,
                        },
                        new("methods-post", "Make /http/methods answer a POST, with the antiforgery token its own form carries.",
                            "Press the page's Send POST button, or tick \"send the page's form\" in the viewer: a POST without the token gets 400.",
                            TaskWhere.Browser("/http/methods"))
                        {
                            Watches = ["/http/methods"], Tries = seen => HttpMethods.IsPost(seen.Method), Wants = "200 from POST /http/methods (its form, token included)",
                            Solves = seen => seen.Status == 200, Explains = MethodsAnswer,
                        },
                    ],
                },
            ]),
            new("URL rules", "URL处理",
            [
                new("/http/goback/34", "A route constraint converts the year to an int: Welcome to this year minus 34.")
                {
                    Tasks =
                    [
                        new("goback-404", "Get a 404 from /http/goback/{year} with a year made only of digits.",
                            "The constraint {year:int:min(0)} takes a whole number that fits in an int. What is the largest one?",
                            TaskWhere.Browser("/http/goback/34"))
                        {
                            Watches = ["/http/goback/{year}"], Tries = seen => seen.IsGet,
                            Wants = "404 from a year made only of digits that the route still refuses",
                            Solves = seen => seen.Status == 404 && IsDigits(seen.Value("year")),
                            Explains = seen => seen.Status == 200 ? new Explanation("the route took {0} as a year", seen.Value("year"))
                                : !IsDigits(seen.Value("year")) ? new Explanation("{0} is not made only of digits", seen.Value("year")) : null,
                        },
                    ],
                },
                new("/http/goback/abc", "Not a whole number, so the constraint rejects it before the action runs.", StatusCodes.Status404NotFound),
                new("/http/colors/blue", "A custom constraint fed by one list: blue, white and red only.") { Source = ColorConstraint },
                new("/http/colors/green", "Not in the list: the route does not match.", StatusCodes.Status404NotFound) { Source = ColorConstraint },
                new("/http/half/3.5", "Flask's float: a custom constraint takes a finite decimal number in invariant form, and the action halves it.")
                    { Source = DecimalNumberConstraint },
                new("/http/half/NaN", "NaN, Infinity, 1e999 and 3,5 are no decimal numbers here: the route does not match.", StatusCodes.Status404NotFound)
                    { Source = DecimalNumberConstraint },
                new("/http/path/a/b/c", "Flask's path: a catch-all parameter takes the rest of the URL, slashes included."),
                new("/http/item/3FA85F64-5717-4562-B3FC-2C963F66AFA6", "Flask's uuid: the guid constraint matches a UUID, shown in canonical lower case.")
                {
                    Tasks =
                    [
                        new("item-uuid", "Make /http/item/{id} take a UUID of your own.",
                            "Any UUID will do: uuidgen in a terminal makes one, or change a hex digit of the index's. Anything else is refused by the guid constraint.",
                            TaskWhere.Browser("/http/item/3FA85F64-5717-4562-B3FC-2C963F66AFA6"))
                        {
                            Watches = ["/http/item/{id}"], Tries = seen => seen.IsGet, Wants = "200 from /http/item/{id} with a UUID other than the index's",
                            Solves = seen => seen.IsOk && Guid.TryParse(seen.Value("id"), out var id) && id != TheIndexItem,
                            Explains = seen => seen.IsOk ? "that is the index's own UUID" : seen.Status == 404 ? "the guid constraint refused it" : null,
                        },
                    ],
                },
                new("/http/converters", "The note's table of converters, each beside the route constraint that plays its part."),
            ]),
            new("Request hooks", "请求钩子",
            [
                new("/http/hooks", "Flask's five request hooks beside their ASP.NET counterparts, each with its evidence from this very request.")
                    { Source = [SourcePiece.Of(typeof(ApplicationStartedAt)), SourcePiece.Of(typeof(ServerTimingFilter)), TheFilters] },
                new("/http/g?name=Grey", "A before-request filter stored the name in HttpContext.Items (Flask's g); the action reads it there.")
                {
                    Source = [SourcePiece.Of(typeof(RememberNameFilter)), TheFilters],
                    Tasks =
                    [
                        new("g-name", "Make the before-request filter put a name of your choice in g.",
                            "The filter copies the query's name into HttpContext.Items before the action runs: change Grey in /http/g?name=Grey.",
                            TaskWhere.Browser("/http/g?name=Grey"))
                        {
                            Watches = ["/http/g"], Tries = seen => seen.IsGet, Wants = "200 from /http/g?name={x} with a name other than Grey",
                            Solves = seen => seen.IsOk && seen.QueryValue("name") is { Length: > 0 } name && name != "Grey",
                            Explains = seen => seen.IsOk ? "g held Grey, or nothing" : null,
                        },
                    ],
                },
            ]),
            new("Responses", "在Flask中生成响应",
            [
                new("/http/hi", "A redirect built by URL generation.", StatusCodes.Status302Found),
                new("/http/redirect", "A redirect to another site.", StatusCodes.Status302Found),
                new("/http/created", "A status code chosen by the action, with a body and a Location header.", StatusCodes.Status201Created)
                    { Source = [TheNote] },
                new("/http/brew/tea", "Any drink but coffee: a drop of tea.")
                {
                    Tasks =
                    [
                        new("brew-418", "Get 418 I'm a teapot from /http/brew/{drink}.",
                            "Every drink but one is brewed. Which drink would a teapot refuse?",
                            TaskWhere.Browser("/http/brew/tea"))
                        {
                            Watches = ["/http/brew/{drink}"], Tries = seen => seen.IsGet, Wants = "418: the teapot refuses", Solves = seen => seen.Status == 418,
                            Explains = seen => seen.Status == 200 ? new Explanation("a drop of {0}, brewed", seen.Value("drink")) : null,
                        },
                    ],
                },
                new("/http/brew/coffee", "Coffee, from a teapot.", StatusCodes.Status418ImATeapot),
                new("/http/404", "The action gives up with NotFound().", StatusCodes.Status404NotFound),
                new("/http/response", "Flask's make_response: one response built by hand, with its status, media type, a header and a cookie.",
                    StatusCodes.Status202Accepted) { RawAnswer = true },
            ]),
            new("Response formats", "响应格式",
            [
                new("/http/note", "The note as plain text…")
                {
                    Source = [TheNote], RawAnswer = true,
                    Tasks =
                    [
                        new("note-json", "Get the note as JSON.",
                            "The last part of /http/note/{type} names the format: text, html, xml… (case does not matter).",
                            TaskWhere.Exchange("/http/note/text"))
                        {
                            Watches = ["/http/note", "/http/note/{type}"], Tries = seen => seen.IsGet, Wants = "the note as application/json",
                            Solves = seen => seen.Status == 200 && seen.MediaType == "application/json",
                            Explains = seen => seen.Status == 200 ? new Explanation("the note as {0}", seen.MediaType) : seen.Status == 400 ? new Explanation("{0} is a type the action does not know", seen.Value("type")) : null,
                        },
                    ],
                },
                new("/http/note/html", "…as its own small HTML document…") { RawAnswer = true },
                new("/http/note/xml", "…as XML…") { RawAnswer = true },
                new("/http/note/json", "…and as JSON.") { RawAnswer = true },
                new("/http/note/pdf", "A type the action does not know.", StatusCodes.Status400BadRequest),
            ]),
            new("Cookies", "Cookie",
            [
                new("/http/set/Grey", "Sets the name cookie, then redirects to the hello page that reads it.", StatusCodes.Status302Found),
                new("/http/cookie", "The cookie lab: set_cookie()'s parameters beside CookieOptions, a form to set a cookie with them, and the cookies you sent.")
                {
                    Source = [SourcePiece.Of(typeof(CookieLabForm))],
                    Tasks =
                    [
                        new("cookie-max-age", "Set a cookie that lives ten seconds, and watch it go.",
                            "In the lab's form give max_age 10, then reload the lab after ten seconds: the browser dropped it by itself.",
                            TaskWhere.Browser("/http/cookie"))
                        {
                            Watches = ["/http/cookie/set"], Tries = seen => seen.IsGet, Wants = "a 302 from /http/cookie/set with a maxAge",
                            Solves = seen => seen.Status == 302 && seen.QueryValue("maxAge").Length > 0,
                            Explains = seen => seen.Status == 302 ? "the cookie was set with no maxAge: it lives until the browser closes" : null,
                        },
                        new("cookie-refused", "Ask the cookie lab for a cookie it must refuse, and read why.",
                            "A browser drops SameSite=None without Secure, and a name with a space is no token: the lab answers 400 with the reason first.",
                            TaskWhere.Browser("/http/cookie"))
                        {
                            Watches = ["/http/cookie/set"], Tries = seen => seen.IsGet, Wants = "400 from /http/cookie/set: the lab's refusal, with its reason",
                            Solves = seen => seen.Status == 400, Explains = seen => seen.Status == 302 ? "the lab set that cookie" : null,
                        },
                    ],
                },
                new("/http/cookie/set?name=brief&value=gone%20soon&maxAge=10&sameSite=Strict", "What the lab's form sends: a cookie that lives ten seconds, then a redirect back to the lab.",
                    StatusCodes.Status302Found) { Source = TheCookieLabRules },
            ]),
            new("The session", "session",
            [
                new("/http/login", "Puts logged_in in the session, then redirects to hello.", StatusCodes.Status302Found)
                    { Source = [TheSession] },
                new("/http/admin", "Only for logged-in learners; everyone else is refused.", StatusCodes.Status403Forbidden)
                {
                    Source = [TheSession],
                    Tasks =
                    [
                        new("admin-after-login", "Get into the admin page.",
                            "/http/admin lets in a session that holds logged_in; /http/login puts it there.",
                            TaskWhere.Browser("/http/login"))
                        {
                            Watches = ["/http/admin"], Tries = seen => seen.IsGet, Wants = "200 from /http/admin", Solves = seen => seen.Status == 200,
                            Explains = seen => seen.Status == 403 ? "your session does not hold logged_in" : null,
                        },
                    ],
                },
                new("/http/logout", "Takes logged_in out of the session, then redirects to hello.", StatusCodes.Status302Found)
                {
                    Source = [TheSession],
                    Tasks =
                    [
                        new("admin-after-logout", "Log out, and see the admin page refuse you again.",
                            "After a 200 from /http/admin, open /http/logout, then /http/admin once more: the session was emptied.",
                            TaskWhere.Browser("/http/logout"))
                        {
                            Watches = ["/http/admin", "/http/logout"], Tries = seen => seen.IsGet,
                            Wants = "403 from /http/admin after an earlier 200 from it, with a logout between",
                            Solves = seen => seen.Status == 403 && seen.Path == "/http/admin" && LoggedOutAfterAdmin(seen),
                            Explains = seen => seen.Path == "/http/logout" ? "you logged out; now ask /http/admin again"
                                : seen.Status == 200 ? "you are logged in"
                                : seen.Status == 403 ? "no 200 from /http/admin, then a logout, came before it" : null,
                        },
                    ],
                },
            ]),
            new("Contexts", "Flask上下文",
            [
                new("/http/context?name=Grey", "The app, g, the request and the session side by side.")
                {
                    Source = [SourcePiece.Of(typeof(RememberNameFilter)), TheSession],
                    Tasks =
                    [
                        new("context-name", "See a name of your own in g and in the request at once.",
                            "g and the request are two contexts of the same request: change Grey in /http/context?name=Grey.",
                            TaskWhere.Browser("/http/context?name=Grey"))
                        {
                            Watches = ["/http/context"], Tries = seen => seen.IsGet, Wants = "200 from /http/context?name={x} with a name other than Grey",
                            Solves = seen => seen.IsOk && seen.QueryValue("name") is { Length: > 0 } name && name != "Grey",
                            Explains = seen => seen.IsOk ? "g held Grey, or nothing" : null,
                        },
                    ],
                },
            ]),
            new("Context hooks", "上下文钩子",
            [
                new("/http/hooks#teardown", "teardown_request: the line the framework's HTTP logging wrote for this browser's previous request.")
                {
                    Source = [TheTeardownHook, SourcePiece.Of(typeof(TeardownLinesPerBrowser), nameof(TeardownLinesPerBrowser.ForThisBrowser))],
                    Tasks =
                    [
                        new("teardown-after-error", "Make an action throw, then read the teardown line of that very request.",
                            "Open /hello/error (its action throws), then /http/hooks: teardown_request runs even when the action threw, and its row shows the 500.",
                            TaskWhere.Browser("/hello/error"))
                        {
                            Watches = ["/hello/error", "/http/hooks"], Tries = seen => seen.IsGet,
                            Wants = "200 from /http/hooks right after a 500 from /hello/error",
                            Solves = seen => seen.Status == 200 && seen.Path == "/http/hooks" && seen.Previous is { Status: 500 },
                            Explains = seen => seen.Status == 500 ? "the action threw; now open /http/hooks" : seen.Status == 200 ? "the request before it did not throw" : null,
                        },
                    ],
                },
            ]),
            new("Redirecting back", "重定向回上一个页面",
            [
                new("/http/foo", "A page whose link does something, then comes back here.") { Source = [SafeRedirect] },
                new("/http/bar", "Another such page: the redirect goes back to whichever sent you.")
                {
                    Source = [SafeRedirect],
                    Tasks =
                    [
                        new("back-to-bar", "Do something from the bar page, and be sent back to it.",
                            "The bar page's link sends its own path as next; /http/do-something redirects there.",
                            TaskWhere.Browser("/http/bar"))
                        {
                            Watches = ["/http/do-something"], Tries = seen => seen.IsGet, Wants = "a 302 from /http/do-something whose Location is /http/bar",
                            Solves = seen => seen.Status == 302 && seen.LocationPath == "/http/bar",
                            Explains = seen => seen.Status == 302 ? new Explanation("a redirect to {0}", seen.Location) : null,
                        },
                    ],
                },
                new("/http/do-something?next=//evil.example", "An unsafe next is ignored: back to the Referer or hello instead.", StatusCodes.Status302Found)
                {
                    Source = [SafeRedirect],
                    Tasks =
                    [
                        new("next-refused", "Give do-something a next that leads off this site, and see it refuse to go there.",
                            "Add a query to the path: ?next=https://example.com, or ?next=//example.com. An unsafe next is ignored for the Referer, or /http/hello.",
                            TaskWhere.Exchange("/http/do-something"))
                        {
                            Watches = ["/http/do-something"], Tries = seen => seen.IsGet,
                            Wants = "a 302 from /http/do-something whose next pointed off this site, to a local path instead",
                            Solves = seen => seen.Status == 302 && seen.QueryValue("next") is { Length: > 0 } next && seen.LeadsOffThisSite(next),
                            Explains = seen => seen.QueryValue("next") is not { Length: > 0 } next ? "there was no next"
                                : seen.Status == 302 ? new Explanation("next={0} is on this site, so it went there", next) : null,
                        },
                    ],
                },
            ]),
            new("AJAX", "使用AJAX技术发送异步请求",
            [
                new("/http/post", "A long post that loads more of itself: jQuery asks the server for partial HTML, JSON and a 204.")
                {
                    Source = [SourcePiece.File("HelloMvc.Web/wwwroot/js/post.js")],
                    Tasks =
                    [
                        new("more-json", "Get the paragraphs Load More fetches as JSON instead of HTML.",
                            "/http/more?page=2 answers a partial view unless the request asks for JSON: send it with Accept: application/json.",
                            TaskWhere.Exchange("/http/more?page=2"))
                        {
                            Watches = ["/http/more"], Tries = seen => seen.IsGet, Wants = "200 application/json from /http/more?page={n}",
                            Solves = seen => seen.Status == 200 && seen.MediaType == "application/json",
                            Explains = seen => seen.Status == 200 ? "a partial view: the Accept header did not ask for JSON" : null,
                        },
                        new("delete-204", "Delete a post the way the page's script does.",
                            "The delete button sends DELETE /http/post/delete/{id}; a link can only GET it. In the viewer, pick DELETE.",
                            TaskWhere.Exchange("/http/post/delete/1"))
                        {
                            Watches = ["/http/post/delete/{postId}"], Wants = "204 from DELETE /http/post/delete/{id}", Solves = seen => seen.Status == 204,
                            Explains = seen => seen.Status == 405 ? new Explanation("{0} is not a method this route takes", seen.Method) : null,
                        },
                    ],
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
                {
                    Source = [SourcePiece.Of(typeof(ExchangeController), nameof(ExchangeController.Viewable)), SourcePiece.Of(typeof(ExchangePaths), nameof(ExchangePaths.IsViewable)), SourcePiece.Of(typeof(ExchangeClient), nameof(ExchangeClient.SendAsync))],
                    Tasks =
                    [
                        new("viewer-follow", "Watch a log in hop by hop, without your own cookies changing.",
                            "Open the viewer with /http/login and tick \"follow redirects\": each hop is its own exchange, with a jar of its own.",
                            TaskWhere.Exchange("/http/login"))
                        {
                            Watches = ["/exchange"], Tries = seen => seen.IsGet, Wants = "200 from /exchange?path=/http/login&follow=1",
                            Solves = seen => seen.Status == 200 && seen.QueryValue("follow") == "1" && seen.QueryValue("path") == "/http/login",
                            Explains = seen => seen.Status == 200 ? "the viewer showed an exchange, but not /http/login followed" : null,
                        },
                    ],
                },
                new("/http/status-codes", "The common status codes and what they mean, each next to the demo here that answers with it."),
            ]),
        ]),
    ];
}
