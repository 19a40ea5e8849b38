using System.Net;
using HelloMvc.Tests.Infrastructure;
using HelloMvc.Web.TryIt;

namespace HelloMvc.Tests.TryIt;

/// <summary>
/// The server's check, on a real socket: the fourteen tasks the contract names are solved by the requests it names,
/// near requests are not, a near miss says why in the lesson's words, and learners are kept apart.
/// </summary>
public class TaskCheckTests(KestrelSite site)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    // Each required task, the requests that solve it (the last one is the evidence), and the status of that last answer.
    public static TheoryData<string, string[], string, int> RequiredTasks => new()
    {
        { "greet-name", ["GET /hello/greet/Ada"], "GET /hello/greet/Ada", 200 },
        { "hello-query", ["GET /http/hello?name=Ada"], "GET /http/hello?name=Ada", 200 },
        { "hello-cookie", ["GET /http/set/Ada", "GET /http/hello"], "GET /http/hello", 200 },
        { "methods-405", ["PUT /http/methods"], "PUT /http/methods", 405 },
        { "goback-404", ["GET /http/goback/99999999999"], "GET /http/goback/99999999999", 404 },
        { "brew-418", ["GET /http/brew/coffee"], "GET /http/brew/coffee", 418 },
        { "note-json", ["GET /http/note/json"], "GET /http/note/json", 200 },
        { "admin-after-login", ["GET /http/login", "GET /http/admin"], "GET /http/admin", 200 },
        { "admin-after-logout", ["GET /http/login", "GET /http/admin", "GET /http/logout", "GET /http/admin"], "GET /http/admin", 403 },
        { "back-to-bar", ["GET /http/do-something?next=%2Fhttp%2Fbar"], "GET /http/do-something?next=%2Fhttp%2Fbar", 302 },
        { "next-refused", ["GET /http/do-something?next=https://evil.example/"], "GET /http/do-something?next=https://evil.example/", 302 },
        { "more-json", ["GET /http/more?page=2 json"], "GET /http/more?page=2", 200 },
        { "delete-204", ["DELETE /http/post/delete/7"], "DELETE /http/post/delete/7", 204 },
    };

    private static async Task SendAllAsync(LearnerBrowser learner, IEnumerable<string> requests)
    {
        foreach (var line in requests)
        {
            var parts = line.Split(' ');
            await learner.SendAsync(parts[0], parts[1], parts.Length > 2 && parts[2] == "json" ? "application/json" : null);
        }
    }

    [Theory]
    [MemberData(nameof(RequiredTasks))]
    public async Task A_required_task_is_solved_by_the_requests_the_contract_names(string task, string[] requests, string evidence, int status)
    {
        using var learner = await LearnerBrowser.StartAsync(site);

        await SendAllAsync(learner, requests);

        var progress = await learner.ProgressAsync();
        Assert.True(progress.Solved.ContainsKey(task), $"{task} not solved; near misses: {string.Join("; ", progress.NearMisses)}");
        Assert.Equal(evidence, progress.Solved[task].Request);
        Assert.Equal(status, progress.Solved[task].Status);
    }

    [Fact]
    public async Task Methods_post_is_solved_by_the_page_s_own_form_with_its_token()
    {
        using var learner = await LearnerBrowser.StartAsync(site);

        var form = await learner.Client.GetPageAsync("/http/methods");
        var posted = await learner.Client.SubmitAsync(form, "main form[method=post]");

        Assert.Equal(HttpStatusCode.OK, posted.Status);
        var solved = (await learner.ProgressAsync()).Solved;
        Assert.Equal(("POST /http/methods", 200, "/http/methods"), solved["methods-post"]);
    }

    [Theory]
    [InlineData("brew-418", "GET /http/brew/tea")]
    [InlineData("goback-404", "GET /http/goback/12")]
    [InlineData("goback-404", "GET /http/goback/abc")]
    [InlineData("back-to-bar", "GET /http/do-something?next=%2Fhttp%2Ffoo")]
    [InlineData("next-refused", "GET /http/do-something?next=%2Fhttp%2Ffoo")]
    [InlineData("admin-after-logout", "GET /http/admin")]
    [InlineData("admin-after-logout", "GET /http/login|GET /http/logout|GET /http/admin")]
    [InlineData("greet-name", "GET /hello/greet/Programmer")]
    [InlineData("note-json", "GET /http/note/xml")]
    [InlineData("more-json", "GET /http/more?page=2")]
    public async Task A_near_request_does_not_solve_its_task_and_is_kept_as_its_near_miss(string task, string requests)
    {
        using var learner = await LearnerBrowser.StartAsync(site);

        await SendAllAsync(learner, requests.Split('|'));

        var progress = await learner.ProgressAsync();
        Assert.DoesNotContain(task, progress.Solved.Keys);
        Assert.Equal(requests.Split('|')[^1], progress.NearMisses[task].Request);
    }

    [Fact]
    public async Task A_POST_without_its_token_is_a_near_miss_that_says_why_in_the_lesson_s_words()
    {
        using var learner = await LearnerBrowser.StartAsync(site);

        var post = await learner.SendAsync("POST", "/http/methods");

        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        var progress = await learner.ProgressAsync();
        Assert.Empty(progress.Solved);
        Assert.Equal(("POST /http/methods", 400, "no antiforgery token. The task wants 405: a method the route does not allow."),
            progress.NearMisses["methods-405"]);
        Assert.Equal("no antiforgery token. The task wants 200 from POST /http/methods (its form, token included).", progress.NearMisses["methods-post"].Why);
        var page = await learner.Client.GetPageAsync("/progress");
        Assert.Equal("You sent POST /http/methods and got 400: no antiforgery token. The task wants 405: a method the route does not allow.",
            page.Text("li[data-task=methods-405] .near-miss"));
    }

    [Fact]
    public async Task A_second_learner_sees_nothing_of_the_first()
    {
        using var first = await LearnerBrowser.StartAsync(site);
        using var second = await LearnerBrowser.StartAsync(site);

        await first.SendAsync("PUT", "/http/methods");
        await first.SendAsync("POST", "/http/methods");

        Assert.NotEqual(first.LearnerCookie, second.LearnerCookie);
        Assert.Single((await first.ProgressAsync()).Solved);
        var theirs = await second.ProgressAsync();
        Assert.Empty(theirs.Solved);
        Assert.Empty(theirs.NearMisses);
    }

    [Fact]
    public async Task A_request_without_a_learner_cookie_solves_nothing_and_gets_no_cookie_from_a_lesson()
    {
        using var browser = LearnerBrowser.WithoutLearner(site);

        var answer = await browser.SendAsync("PUT", "/http/methods");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, answer.StatusCode);
        Assert.False(answer.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(cookie => cookie.StartsWith(Learners.CookieName)));
        // Only now does the browser get a learner: a new one, with nothing solved.
        Assert.Empty((await browser.ProgressAsync()).Solved);
    }

    [Theory]
    [InlineData("forged")]
    [InlineData("altered")]
    [InlineData("foreign")]
    public async Task A_bad_learner_cookie_gets_a_new_id_and_solves_nothing_never_a_500(string kind)
    {
        using var owner = await LearnerBrowser.StartAsync(site);
        await owner.SendAsync("PUT", "/http/methods");
        var genuine = owner.LearnerCookie;
        var bad = kind switch
        {
            "forged" => "CfDJ8" + new string('A', 100),
            // One character of the real cookie changed: its signature no longer holds.
            "altered" => genuine[..40] + (genuine[40] == 'A' ? 'B' : 'A') + genuine[41..],
            // A value the site protected for another purpose: the session cookie.
            _ => await SessionCookieAsync(),
        };
        using var impostor = LearnerBrowser.WithoutLearner(site);
        impostor.SetCookie(Learners.CookieName, bad);

        var brew = await impostor.SendAsync("GET", "/http/brew/coffee");
        var progress = await impostor.SendAsync("GET", "/progress", "application/json");

        Assert.Equal((HttpStatusCode)418, brew.StatusCode);
        Assert.Equal(HttpStatusCode.OK, progress.StatusCode);
        var given = progress.Headers.GetValues("Set-Cookie").Single(cookie => cookie.StartsWith(Learners.CookieName + "="));
        Assert.DoesNotContain(bad, given);
        Assert.Empty(ProgressSeen.Parse(await progress.Content.ReadAsStringAsync(Cancel)).Solved);
        Assert.Equal(["methods-405"], (await owner.ProgressAsync()).Solved.Keys);
    }

    private async Task<string> SessionCookieAsync()
    {
        using var client = site.CreateWireClient(handleCookies: false);
        var login = await client.GetAsync("/http/login", Cancel);
        return login.SetCookie(".HelloMvc.Session").Split(';')[0].Split('=', 2)[1];
    }

    [Fact]
    public async Task The_learner_cookie_is_HttpOnly_Lax_on_the_whole_site_and_holds_no_readable_id()
    {
        using var browser = LearnerBrowser.WithoutLearner(site);

        var response = await browser.GetAsync("/progress");

        var cookie = response.Headers.GetValues("Set-Cookie").Single(header => header.StartsWith(Learners.CookieName + "="));
        var parts = cookie.Split("; ");
        Assert.Contains("httponly", parts);
        Assert.Contains("samesite=lax", parts);
        Assert.Contains("path=/", parts);
        Assert.DoesNotContain("secure", parts);
        Assert.True(parts[0].Length > 80, parts[0]);
        Assert.Equal("no-store", response.Headers.CacheControl?.NoStore == true ? "no-store" : response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task A_task_is_solved_through_the_exchange_viewer_which_forwards_the_learner_cookie()
    {
        using var learner = await LearnerBrowser.StartAsync(site);

        var viewer = await learner.Client.GetPageAsync("/exchange?path=/http/methods&method=PUT");

        Assert.StartsWith("HTTP/1.1 405", viewer.Text("#response"));
        Assert.Equal(("PUT /http/methods", 405, "/http/methods"), (await learner.ProgressAsync()).Solved["methods-405"]);
    }

    [Fact]
    public async Task The_form_through_the_viewer_solves_methods_post()
    {
        using var learner = await LearnerBrowser.StartAsync(site);

        var viewer = await learner.Client.GetPageAsync("/exchange?path=/http/methods&method=POST&form=1");

        Assert.Equal(HttpStatusCode.OK, viewer.Status);
        Assert.Equal(("POST /http/methods", 200, "/http/methods"), (await learner.ProgressAsync()).Solved["methods-post"]);
    }
}
