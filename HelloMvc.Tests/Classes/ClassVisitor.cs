using System.Net;
using AngleSharp.Html.Dom;
using HelloMvc.Tests.Infrastructure;
using Xunit.Sdk;

namespace HelloMvc.Tests.Classes;

/// <summary>
/// A teacher or a student on the wire: a browser of its own (a cookie jar) that comes from an address of its own, named
/// in X-Forwarded-For, which the site believes from loopback as it would from nginx. So every visitor starts classes
/// within its own allowance, and no test spends another's. Its steps are the forms of the class pages, submitted.
/// </summary>
public sealed class ClassVisitor : IDisposable
{
    private static int s_visitors;

    private ClassVisitor(HttpClient client, string address)
    {
        Client = client;
        Address = address;
    }

    public HttpClient Client { get; }

    /// <summary>The address the site sees: a /64 of the documentation prefix of its own.</summary>
    public string Address { get; }

    public static ClassVisitor On(KestrelSite site, string? address = null) => Of(site.CreateWireClient(), address);

    /// <summary>A visitor through a client of any host (one in memory, with settings of its own).</summary>
    public static ClassVisitor Of(HttpClient client, string? address = null)
    {
        address ??= $"2001:db8:c1a5:{Interlocked.Increment(ref s_visitors):x}::1";
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return new ClassVisitor(client, address);
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Starts a class from the start page's form: the 303, as it came.</summary>
    public async Task<HttpResponseMessage> PostStartAsync(string title)
    {
        var page = await Client.GetPageAsync("/class");
        ((IHtmlInputElement)page.Document.QuerySelector("#title")!).Value = title;
        return (await Client.SubmitAsync(page, "#start form")).Response;
    }

    /// <summary>Starts a class and opens its teacher page: the class's code, the page, and the key link it shows once.</summary>
    public async Task<StartedClass> StartAsync(string title = "HTTP, week 2")
    {
        var started = await PostStartAsync(title);
        Assert.Equal(HttpStatusCode.SeeOther, started.StatusCode);
        var location = started.Headers.Location?.OriginalString ?? throw new XunitException("No Location after starting a class");
        var code = location.Split('/')[2];
        var teacher = await Client.GetPageAsync(location);
        Assert.Equal(HttpStatusCode.OK, teacher.Status);
        var keyLink = teacher.Document.QuerySelector("a.key-link")?.GetAttribute("href") ?? throw new XunitException("No key link on the new class's page");
        return new StartedClass(code, location, new Uri(keyLink));
    }

    /// <summary>Joins from the class's join page: the answer, as it came (303 to /progress when joined).</summary>
    public async Task<Page> JoinAsync(string code, string name)
    {
        var page = await Client.GetPageAsync($"/class/{code}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        ((IHtmlInputElement)page.Document.QuerySelector("#name")!).Value = name;
        return await Client.SubmitAsync(page, "form.class-form");
    }

    /// <summary>Joins, and says so if it did not.</summary>
    public async Task JoinedAsync(string code, string name)
    {
        var joined = await JoinAsync(code, name);
        Assert.True(joined.Status == HttpStatusCode.SeeOther, $"Joining {code} as {name}: {(int)joined.Status}\n{joined.Document.Body?.TextContent}");
    }

    public async Task<HttpStatusCode> SendAsync(HttpMethod method, string url)
    {
        using var request = new HttpRequestMessage(method, url);
        using var response = await Client.SendAsync(request, Cancel);
        return response.StatusCode;
    }

    public void Dispose() => Client.Dispose();
}

/// <summary>A class as its teacher got it: the code, the teacher page's path, and the link with the key for another device.</summary>
public sealed record StartedClass(string Code, string TeacherPath, Uri KeyLink)
{
    public string Key => System.Web.HttpUtility.ParseQueryString(KeyLink.Query)["key"]!;
}
