using System.Net;
using HelloMvc.Tests.Infrastructure;
using HelloMvc.Web.Classes;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace HelloMvc.Tests.Classes;

/// <summary>Starting, joining and leaving a class on the wire, with every kind of bad input, and the per-address limit on starts.</summary>
public class ClassControllerTests(KestrelSite site, SiteFactory inMemory)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Starting_a_class_gives_a_join_code_and_an_HttpOnly_cookie_for_its_pages_only()
    {
        using var teacher = ClassVisitor.On(site);

        var started = await teacher.PostStartAsync("HTTP, week 2");

        Assert.Equal(HttpStatusCode.SeeOther, started.StatusCode);
        var location = started.Headers.Location!.OriginalString;
        Assert.Matches("^/class/[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}/teacher$", location);
        var code = location.Split('/')[2];
        var cookie = started.SetCookie(".HelloMvc.Teacher").Split("; ");
        Assert.Matches("^.HelloMvc.Teacher=[A-Za-z0-9_-]{43}$", cookie[0]); // 256 bits
        Assert.Contains("httponly", cookie);
        Assert.Contains("samesite=lax", cookie);
        Assert.Contains($"path=/class/{code}", cookie);
        var grid = await teacher.Client.GetPageAsync(location);
        Assert.Equal("Teaching “HTTP, week 2”", grid.Text("main h1"));
        Assert.Equal(code, grid.Text("strong.join-code"));
        Assert.EndsWith($"/class/{code}/teacher?key={cookie[0].Split('=', 2)[1]}", grid.Document.QuerySelector("a.key-link")!.GetAttribute("href"));
        // The key is shown once: the next look at the page has no link.
        Assert.Empty((await teacher.Client.GetPageAsync(location)).Document.QuerySelectorAll("a.key-link"));
    }

    [Fact]
    public async Task A_start_without_a_title_or_with_a_title_too_long_is_400_with_the_form_and_the_reason()
    {
        using var teacher = ClassVisitor.On(site);
        foreach (var (title, reason) in new[] { ("   ", "Give the class a title"), (new string('t', 81), "at most 80 characters; this one has 81") })
        {
            var page = await teacher.Client.GetPageAsync("/class");
            ((AngleSharp.Html.Dom.IHtmlInputElement)page.Document.QuerySelector("#title")!).Value = title;
            var refused = await teacher.Client.SubmitAsync(page, "#start form");
            Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
            Assert.Contains(reason, refused.Text("#start-refusal"));
            Assert.NotNull(refused.Document.QuerySelector("#start form"));
        }
    }

    [Fact]
    public async Task A_name_empty_or_of_33_characters_is_400_with_the_form_and_the_reason_and_32_in_any_script_join()
    {
        using var teacher = ClassVisitor.On(site);
        var started = await teacher.StartAsync();
        using var student = ClassVisitor.On(site);

        foreach (var (name, reason) in new[]
                 {
                     ("", "Enter your name"), ("  \t ", "Enter your name"), (new string('x', 33), "at most 32 characters; this one has 33"),
                     ("Ann\nBob", "control character"),
                 })
        {
            var refused = await student.JoinAsync(started.Code, name);
            Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
            Assert.Contains(reason, refused.Text("#name-refusal"));
            Assert.NotNull(refused.Document.QuerySelector("form.class-form #name"));
        }
        Assert.Equal(HttpStatusCode.SeeOther, (await student.JoinAsync(started.Code, new string('x', 32))).Status);
        Assert.Equal(HttpStatusCode.SeeOther, (await student.JoinAsync(started.Code, "  " + string.Concat(Enumerable.Repeat("学", 32)) + " ")).Status);
    }

    [Fact]
    public async Task A_join_without_the_token_is_400_an_unknown_code_404_with_the_join_form_and_a_lower_case_code_joins()
    {
        using var teacher = ClassVisitor.On(site);
        var started = await teacher.StartAsync();
        using var student = ClassVisitor.On(site);

        var tokenless = await student.Client.PostAsync($"/class/{started.Code}/join",
            new FormUrlEncodedContent([KeyValuePair.Create("Name", "Ann")]), Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, tokenless.StatusCode);

        foreach (var unknown in new[] { "/class/ZZZZZZ", "/class/0OIL1X", "/class/abc", "/class/join?code=nope", $"/class/{started.Code}x" })
        {
            var page = await student.Client.GetPageAsync(unknown);
            Assert.True(page.Status == HttpStatusCode.NotFound, $"{unknown}: {(int)page.Status}");
            Assert.NotNull(page.Document.QuerySelector("#join form"));
            Assert.NotEmpty(page.Text("#join-refusal"));
        }
        var unknownPost = await student.Client.PostAsync("/class/ZZZZZZ/join", new FormUrlEncodedContent([]), Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, unknownPost.StatusCode); // no token: refused before anything is looked up

        var typed = await student.Client.GetAsync($"/class/join?code={started.Code.ToLowerInvariant()}", Cancel);
        Assert.Equal($"/class/{started.Code}", typed.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.SeeOther, (await student.JoinAsync(started.Code.ToLowerInvariant(), "Ann")).Status);
        var grid = await teacher.Client.GetPageAsync(started.TeacherPath);
        Assert.Equal("Ann", grid.Text("table.class-grid tbody th"));
    }

    [Fact]
    public async Task A_learner_is_in_one_class_at_a_time_and_progress_shows_which_until_it_leaves_or_resets()
    {
        using var teacher = ClassVisitor.On(site);
        var first = await teacher.StartAsync("First");
        var second = await teacher.StartAsync("Second");
        using var student = ClassVisitor.On(site);

        await student.JoinedAsync(first.Code, "<i>Ann</i>");
        var progress = await student.Client.GetPageAsync("/progress");
        Assert.Equal("First", progress.Text("#class .class-title"));
        Assert.Equal(first.Code, progress.Text("#class .class-code"));
        Assert.Equal("<i>Ann</i>", progress.Text("#class .student-name"));

        await student.JoinedAsync(second.Code, "Ann");
        Assert.Empty((await teacher.Client.GetPageAsync(first.TeacherPath)).Document.QuerySelectorAll("table.class-grid tbody tr"));
        Assert.Equal("Second", (await student.Client.GetPageAsync("/progress")).Text("#class .class-title"));

        var left = await student.Client.SubmitAsync(await student.Client.GetPageAsync("/progress"), "#class form");
        Assert.Equal(HttpStatusCode.SeeOther, left.Status);
        Assert.NotNull((await student.Client.GetPageAsync("/progress")).Document.QuerySelector("#class .no-class"));
        Assert.Empty((await teacher.Client.GetPageAsync(second.TeacherPath)).Document.QuerySelectorAll("table.class-grid tbody tr"));

        await student.JoinedAsync(second.Code, "Ann");
        var reset = await student.Client.SubmitAsync(await student.Client.GetPageAsync("/progress"), "form[action$='/progress/reset']");
        Assert.Equal(HttpStatusCode.SeeOther, reset.Status);
        Assert.NotNull((await student.Client.GetPageAsync("/progress")).Document.QuerySelector("#class .no-class"));
        Assert.Empty((await teacher.Client.GetPageAsync(second.TeacherPath)).Document.QuerySelectorAll("table.class-grid tbody tr"));
    }

    [Fact]
    public async Task The_eleventh_start_from_one_address_within_the_hour_is_429_and_another_address_still_starts()
    {
        using var busy = ClassVisitor.On(site, "198.51.100.11");
        for (var start = 1; start <= 10; start++)
        {
            var started = await busy.PostStartAsync($"Class {start}");
            Assert.True(started.StatusCode == HttpStatusCode.SeeOther, $"start {start}: {(int)started.StatusCode}");
        }

        var eleventh = await busy.PostStartAsync("Class 11");

        Assert.Equal(HttpStatusCode.TooManyRequests, eleventh.StatusCode);
        Assert.True(eleventh.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After: {eleventh.Headers.RetryAfter}");
        Assert.Contains("429 Too Many Requests", await eleventh.Content.ReadAsStringAsync(Cancel));
        using var neighbour = ClassVisitor.On(site, "198.51.100.12");
        Assert.Equal(HttpStatusCode.SeeOther, (await neighbour.PostStartAsync("Next door")).StatusCode);
    }

    [Fact]
    public async Task A_full_class_is_409_and_a_full_store_503_each_with_the_form_and_the_reason()
    {
        await using var small = inMemory.WithWebHostBuilder(host => host.ConfigureTestServices(services =>
            services.Configure<ClassOptions>(limits => (limits.MaxStudents, limits.MaxOpenClasses) = (1, 1))));
        ClassVisitor Visitor() => ClassVisitor.Of(small.CreateClient(new() { AllowAutoRedirect = false }));
        using var teacher = Visitor();
        var started = await teacher.StartAsync();
        using var first = Visitor();
        using var second = Visitor();
        await first.JoinedAsync(started.Code, "Ann");

        var full = await second.JoinAsync(started.Code, "Bob");
        Assert.Equal(HttpStatusCode.Conflict, full.Status);
        Assert.Contains("This class is full", full.Text("#name-refusal"));

        var noRoom = await second.PostStartAsync("Another");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, noRoom.StatusCode);
        Assert.NotNull(noRoom.Headers.RetryAfter);
        var page = await new AngleSharp.Html.Parser.HtmlParser().ParseDocumentAsync(await noRoom.Content.ReadAsStringAsync(Cancel), Cancel);
        Assert.Contains("as many open classes as it may", page.QuerySelector("#start-refusal")!.TextContent);
    }
}
