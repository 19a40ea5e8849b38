using System.Net;
using HelloMvc.Tests.Infrastructure;
using HelloMvc.Tests.TryIt;

namespace HelloMvc.Tests.Languages;

/// <summary>Try it in Chinese: the section, its tasks, /progress, and a near miss told in the language the learner asked in.</summary>
public class TryItInChineseTests(KestrelSite site)
{
    [Fact]
    public async Task A_lesson_page_in_Chinese_has_its_Try_it_section_headed_动手试试_with_its_tasks_in_Chinese()
    {
        using var client = site.CreateWireClient(handleCookies: false);
        var page = await client.GetPageInAsync("/http/methods", "zh-CN");

        Assert.Equal("动手试试", page.Text("section#try-it h2"));
        var tasks = page.Document.QuerySelectorAll("section#try-it li[data-task]");
        Assert.NotEmpty(tasks);
        Assert.All(tasks, task => Assert.True(Chinese.IsMostlyChinese(task.QuerySelector(".sentence")!.TextContent), task.TextContent));
        Assert.All(tasks, task => Assert.Equal("提示", task.QuerySelector("details.hint summary")!.TextContent.Trim()));
    }

    [Fact]
    public async Task A_near_miss_asked_in_Chinese_says_why_in_Chinese_on_progress_and_in_its_JSON()
    {
        using var learner = await LearnerBrowser.StartAsync(site);
        learner.Client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", "zh-CN");
        // A POST without its token: 400, a near miss of methods-405 (which wants a method the route does not allow).
        using var post = new HttpRequestMessage(HttpMethod.Post, "/http/methods") { Content = new FormUrlEncodedContent([]) };
        Assert.Equal(HttpStatusCode.BadRequest, (await learner.Client.SendAsync(post, TestContext.Current.CancellationToken)).StatusCode);

        var progress = await learner.ProgressAsync();
        var page = await learner.Client.GetPageAsync("/progress");

        var why = progress.NearMisses["methods-405"].Why;
        Assert.StartsWith("没有防伪令牌。这个任务要的是：", why);
        page.AssertSpeaks("zh-Hans");
        var shown = page.Text("li[data-task='methods-405'] .near-miss");
        Assert.Equal($"你发送了 POST /http/methods，得到 400：{why}", shown);
        Assert.Equal("你的进度", page.Text("main h1"));
    }
}
