using System.Net;
using HelloMvc.Tests.Infrastructure;
using HelloMvc.Web.TryIt.Tasks;

namespace HelloMvc.Tests.TryIt;

/// <summary>/progress on a real socket: the page by the note's sections, the learner cookie for curl, and reset.</summary>
public class ProgressControllerTests(KestrelSite site)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_page_lists_every_task_by_the_note_s_sections_with_this_learner_s_evidence()
    {
        using var learner = await LearnerBrowser.StartAsync(site);
        await learner.SendAsync("PUT", "/http/methods");

        var page = await learner.Client.GetPageAsync("/progress");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.True(page.Response.Headers.CacheControl?.NoStore, $"Cache-Control: {page.Response.Headers.CacheControl}");
        Assert.Equal(TaskCatalog.All.Select(task => task.Id), page.Document.QuerySelectorAll("li[data-task]").Select(item => item.GetAttribute("data-task")));
        Assert.Equal($"1 of {TaskCatalog.All.Count} tasks solved", page.Text(".lead .count"));
        var solved = page.Document.QuerySelector("li[data-task=methods-405]")!;
        Assert.Equal("true", solved.GetAttribute("data-solved"));
        Assert.Equal("PUT /http/methods", solved.QuerySelector(".evidence")!.TextContent);
        Assert.Equal("405", solved.QuerySelector(".status")!.TextContent);
        Assert.Contains("设置监听的HTTP方法", solved.Closest("section")!.QuerySelector("h2")!.TextContent);
        Assert.Equal("/http/methods", solved.QuerySelector(".lesson a")!.GetAttribute("href"));
        Assert.Equal("false", page.Document.QuerySelector("li[data-task=methods-post]")!.GetAttribute("data-solved"));
        Assert.Equal($"-b '.HelloMvc.Learner={learner.LearnerCookie}'", page.Text(".curl-cookie"));
    }

    [Fact]
    public async Task The_json_has_the_contract_s_shape()
    {
        using var learner = await LearnerBrowser.StartAsync(site);
        await learner.SendAsync("PUT", "/http/methods");
        await learner.SendAsync("POST", "/http/methods");

        var response = await learner.GetAsync("/progress", "application/json");

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        var root = json.RootElement;
        Assert.Equal(["solved", "nearMisses", "solvedCount", "total"], root.EnumerateObject().Select(property => property.Name));
        var solve = Assert.Single(root.GetProperty("solved").EnumerateArray());
        Assert.Equal(["task", "lesson", "request", "status", "at"], solve.EnumerateObject().Select(property => property.Name));
        Assert.Equal("methods-405", solve.GetProperty("task").GetString());
        Assert.Equal("/http/methods", solve.GetProperty("lesson").GetString());
        Assert.Equal(site.Clock.GetUtcNow(), solve.GetProperty("at").GetDateTimeOffset());
        var miss = Assert.Single(root.GetProperty("nearMisses").EnumerateArray());
        Assert.Equal(["task", "request", "status", "why"], miss.EnumerateObject().Select(property => property.Name));
        Assert.Equal(1, root.GetProperty("solvedCount").GetInt32());
        Assert.Equal(TaskCatalog.All.Count, root.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Reset_with_the_token_forgets_everything_and_answers_303_to_progress()
    {
        using var learner = await LearnerBrowser.StartAsync(site);
        await learner.SendAsync("PUT", "/http/methods");
        await learner.SendAsync("POST", "/http/methods");

        var reset = await learner.Client.SubmitAsync(await learner.Client.GetPageAsync("/progress"), "form.reset");

        Assert.Equal(HttpStatusCode.SeeOther, reset.Status);
        Assert.Equal("/progress", reset.Response.Headers.Location?.OriginalString);
        var progress = await learner.ProgressAsync();
        Assert.Empty(progress.Solved);
        Assert.Empty(progress.NearMisses);
    }

    [Fact]
    public async Task Reset_without_the_token_is_refused_and_forgets_nothing()
    {
        using var learner = await LearnerBrowser.StartAsync(site);
        await learner.SendAsync("PUT", "/http/methods");

        var reset = await learner.SendAsync("POST", "/progress/reset");

        Assert.Equal(HttpStatusCode.BadRequest, reset.StatusCode);
        Assert.Contains("methods-405", (await learner.ProgressAsync()).Solved.Keys);
    }
}
