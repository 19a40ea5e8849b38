using System.Net;
using HelloMvc.Tests.Classes;
using HelloMvc.Tests.Controllers.Http;
using HelloMvc.Tests.Infrastructure;

namespace HelloMvc.Tests.Languages;

/// <summary>
/// Every refusal says why in the language the learner asked in: the viewer's, the cookie lab's and the class's forms'.
/// Their rules are the site's own validation attributes, which MVC does not translate by itself.
/// </summary>
public class RefusalsInChineseTests(KestrelSite site)
{
    private readonly HttpClient _client = site.CreateWireClient(handleCookies: false);

    [Theory]
    [MemberData(nameof(CookieControllerTests.Refusals), MemberType = typeof(CookieControllerTests))]
    public async Task The_cookie_lab_refuses_in_Chinese(string query, string english)
    {
        var page = await _client.GetPageInAsync("/http/cookie/set?" + query, "zh-CN");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        page.AssertSpeaks("zh-Hans");
        // A refusal quotes what it refused, so it may hold much Latin; the English reason is gone.
        var reason = page.Text("main p.reason");
        Assert.DoesNotContain(english, reason);
        Assert.True(Chinese.Ideographs(reason) >= 5, reason);
    }

    [Theory]
    [InlineData("?path=http://evil.example/", "路径必须是本站的本地路径")]
    [InlineData("", "路径必须是本站的本地路径")]
    [InlineData("?path=/hello&method=TRACE", "报文查看器不发送“TRACE”方法")]
    [InlineData("?path=/hello&header=Host:%20evil.example", "Host 首部由报文查看器自己写")]
    [InlineData("?path=/hello&header=no-colon", "首部“no-colon”没有写成 Name: value 的形式")]
    [InlineData("?path=/hello&header=a%20b:%201", "首部名“a b”不是 token")]
    [InlineData("?path=/hello&header=X-A:%20a%01b", "X-A 的值里有控制字符")]
    [InlineData("?path=/hello&type=not%20a%20type", "类型“not a type”不是")]
    [InlineData("?path=/hello&form=yes", "form 和 follow 只能是 1（开）或 0（关）")]
    public async Task The_viewer_refuses_in_Chinese(string query, string reason)
    {
        var page = await _client.GetPageInAsync("/exchange" + query, "zh-CN");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        page.AssertSpeaks("zh-Hans");
        Assert.Contains(reason, page.Text("main p.refused"));
    }

    [Fact]
    public async Task The_viewer_refuses_eleven_headers_and_a_body_over_8_KB_in_Chinese()
    {
        var headers = string.Concat(Enumerable.Range(1, 11).Select(i => $"&header=X-{i}:%20v"));
        var many = await _client.GetPageInAsync("/exchange?path=/hello" + headers, "zh-CN");
        var big = await _client.GetPageInAsync($"/exchange?path=/hello&method=POST&body={new string('x', 8 * 1024 + 1)}", "zh-CN");

        Assert.Contains("你给了 11 个首部；报文查看器最多发送 10 个。", many.Text("main p.refused"));
        Assert.Contains("请求主体有 8,193 字节；报文查看器最多发送 8 KB。", big.Text("main p.refused"));
    }

    [Fact]
    public async Task A_class_refuses_a_title_a_name_and_a_code_in_Chinese()
    {
        using var teacher = ClassVisitor.On(site);
        teacher.Client.DefaultRequestHeaders.Add("Accept-Language", "zh-CN");
        var started = await teacher.StartAsync();
        var start = await teacher.Client.GetPageAsync("/class");
        ((AngleSharp.Html.Dom.IHtmlInputElement)start.Document.QuerySelector("#title")!).Value = new string('t', 81);
        var longTitle = await teacher.Client.SubmitAsync(start, "#start form");
        using var student = ClassVisitor.On(site);
        student.Client.DefaultRequestHeaders.Add("Accept-Language", "zh-CN");
        var noName = await student.JoinAsync(started.Code, " ");
        var lineBreak = await student.JoinAsync(started.Code, "Ann\nBob");
        var badCode = await student.Client.GetPageAsync("/class/join?code=nope");

        Assert.Equal("班级名称最多 80 个字符，这里有 81 个。", longTitle.Text("#start-refusal"));
        Assert.Equal("请输入你的名字，老师会看到它：1 到 32 个字符。", noName.Text("#name-refusal"));
        Assert.Equal("名字里不能有换行符、制表符或其他控制字符。", lineBreak.Text("#name-refusal"));
        Assert.Equal(HttpStatusCode.NotFound, badCode.Status);
        Assert.Equal("班级代码由六个字母和数字组成，比如 K7P2QX。", badCode.Text("#join-refusal"));
    }

    [Fact]
    public async Task In_English_the_refusals_are_as_before()
    {
        var cookie = await _client.GetPageInAsync("/http/cookie/set?name=a&sameSite=None", acceptLanguage: null);
        var viewer = await _client.GetPageInAsync("/exchange?path=/hello&header=Host:%20x", acceptLanguage: null);

        Assert.Equal("SameSite=None needs secure: browsers refuse a cross-site cookie that could travel over plain http.", cookie.Text("main p.reason"));
        Assert.Contains("The viewer writes the Host header itself; it cannot be given.", viewer.Text("main p.refused"));
    }
}
