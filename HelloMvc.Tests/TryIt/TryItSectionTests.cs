using HelloMvc.Tests.Infrastructure;
using HelloMvc.Web.LookingInside.Catalog;
using HelloMvc.Web.TryIt.Tasks;

namespace HelloMvc.Tests.TryIt;

/// <summary>Every lesson page's Try it, walked from the catalogue (in memory: the page is the same for everyone).</summary>
public class TryItSectionTests(SiteFactory site)
{
    private static readonly string[] Required =
    [
        "greet-name", "hello-query", "hello-cookie", "methods-405", "methods-post", "goback-404", "brew-418", "note-json",
        "admin-after-login", "admin-after-logout", "back-to-bar", "next-refused", "more-json", "delete-204",
    ];

    public static TheoryData<string> PagePaths => new(LessonPath.Pages.Select(lesson => lesson.Demo.Path));

    [Theory]
    [MemberData(nameof(PagePaths))]
    public async Task Every_lesson_page_has_a_try_it_section_with_one_to_three_tasks(string path)
    {
        using var client = site.CreateNoRedirectClient();

        var page = await client.GetPageAsync(path);

        Assert.Equal("Try it", page.Text("section#try-it h2"));
        var tasks = page.Document.QuerySelectorAll("section#try-it li[data-task]");
        Assert.InRange(tasks.Length, 1, 3);
        foreach (var task in tasks)
        {
            Assert.NotNull(TaskCatalog.Find(task.GetAttribute("data-task")!));
            Assert.Equal("false", task.GetAttribute("data-solved"));
            Assert.NotEmpty(task.QuerySelector("p.sentence")!.TextContent.Trim());
            Assert.StartsWith("Where:", task.QuerySelector("p.where")!.TextContent.Trim());
            Assert.Equal("Hint", task.QuerySelector("details.hint summary")!.TextContent.Trim());
        }
        // Without script the section still leads to this learner's state.
        Assert.Equal("/progress", page.Document.QuerySelector("section#try-it a.progress-link")!.GetAttribute("href"));
    }

    [Fact]
    public void The_contract_s_fourteen_tasks_exist_and_every_section_of_the_note_with_a_page_has_one()
    {
        Assert.Empty(Required.Except(TaskCatalog.All.Select(task => task.Id)));
        Assert.Equal(TaskCatalog.All.Count, TaskCatalog.All.Select(task => task.Id).Distinct().Count());
        var sectionsWithPages = LessonPath.Pages.Select(lesson => lesson.Section).Distinct();
        Assert.All(sectionsWithPages, section => Assert.Contains(TaskCatalog.BySection, group => group.Section == section));
        Assert.All(TaskCatalog.BySection, group => Assert.InRange(group.Tasks.Count, 1, 3));
    }

    [Theory]
    [InlineData("/http/goback/99999999999", "goback-404", "year", "99999999999")]
    [InlineData("/hello/greet/Zoë", "greet-name", "name", "Zoë")]
    [InlineData("/http/post/delete/abc", "delete-204", "postId", "abc")]
    public void A_task_watches_its_paths_with_no_constraint_so_a_path_no_endpoint_matches_is_watched_too(string path, string task, string value, string expected)
    {
        var (watching, values) = Assert.Single(TaskCatalog.Watching(new Microsoft.AspNetCore.Http.PathString(path)));

        Assert.Equal(task, watching.Id);
        Assert.Equal(expected, values[value]);
    }

    [Fact]
    public void A_path_no_task_watches_is_not_checked() =>
        Assert.Empty(TaskCatalog.Watching(new Microsoft.AspNetCore.Http.PathString("/http/request/more")));

    [Fact]
    public async Task The_learner_cookie_is_Secure_over_https()
    {
        using var client = site.CreateNoRedirectClient("https://localhost");

        var progress = await client.GetAsync("/progress", TestContext.Current.CancellationToken);

        Assert.Contains("secure", progress.SetCookie(HelloMvc.Web.TryIt.Learners.CookieName).Split("; "));
    }

    [Fact]
    public async Task The_index_shows_beside_each_lesson_how_many_tasks_it_has_for_the_script_to_count()
    {
        using var client = site.CreateNoRedirectClient();

        var index = await client.GetPageAsync("/");

        var counted = index.Document.QuerySelectorAll("li.demo .task-count[data-tasks]")
            .SelectMany(count => count.GetAttribute("data-tasks")!.Split(' ')).ToList();
        Assert.Equal(TaskCatalog.All.Select(task => task.Id).Order(), counted.Order());
        Assert.Equal("2 tasks to try", index.Document.QuerySelectorAll("li.demo").First(demo => demo.QuerySelector("a.open code")?.TextContent == "/http/methods")
            .QuerySelector(".task-count")!.TextContent);
    }
}
