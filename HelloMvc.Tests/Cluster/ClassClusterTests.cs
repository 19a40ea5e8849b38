using System.Diagnostics;
using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;

namespace HelloMvc.Tests.Cluster;

/// <summary>
/// A class in the production shape: two instances behind nginx sharing Redis. A student joins through one instance and
/// solves through the other; the teacher sees it on either. The limit on starts is counted once for both.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ClassClusterTests(ClusterFixture cluster) : IDisposable
{
    private static readonly HtmlParser Parser = new();
    // Cookies are carried by hand: behind the https-saying proxy they are Secure, and this client speaks plain http.
    private readonly HttpClient _client = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { Timeout = TimeSpan.FromSeconds(30) };

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>A browser's cookies, by name, sent to whichever instance it talks to.</summary>
    private sealed class Jar
    {
        private readonly Dictionary<string, string> _cookies = [];

        public string? ForwardedFor { get; init; }

        public void Keep(HttpResponseMessage response)
        {
            foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                var pair = header.Split(';')[0].Split('=', 2);
                _cookies[pair[0]] = pair[1];
            }
        }

        public void Carry(HttpRequestMessage request)
        {
            if (_cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(pair => $"{pair.Key}={pair.Value}")));
            if (ForwardedFor is not null) request.Headers.Add("X-Forwarded-For", ForwardedFor);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(Jar jar, HttpMethod method, Uri url, IEnumerable<KeyValuePair<string, string>>? form = null, string? accept = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (form is not null) request.Content = new FormUrlEncodedContent(form);
        if (accept is not null) request.Headers.Add("Accept", accept);
        jar.Carry(request);
        var response = await _client.SendAsync(request, Cancel);
        jar.Keep(response);
        return response;
    }

    // GETs the page with the form, then posts the form's token with these fields to the action.
    private async Task<HttpResponseMessage> PostFormAsync(Jar jar, Uri page, Uri action, params (string Name, string Value)[] fields)
    {
        var html = await (await SendAsync(jar, HttpMethod.Get, page)).Content.ReadAsStringAsync(Cancel);
        var token = (await Parser.ParseDocumentAsync(html, Cancel)).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await SendAsync(jar, HttpMethod.Post, action,
            fields.Select(field => KeyValuePair.Create(field.Name, field.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", token)));
    }

    private async Task<string> StartThroughNginxAsync(Jar teacher)
    {
        var classPage = new Uri(cluster.Proxy, "class");
        var started = await PostFormAsync(teacher, classPage, classPage, ("Title", "Cluster class"));
        Assert.True(started.StatusCode == HttpStatusCode.SeeOther, $"start: {(int)started.StatusCode}\n{cluster.Diagnostics}");
        var code = started.Headers.Location!.OriginalString.Split('/')[3];
        // Under the path base, over the https nginx says it terminates: the cookie is Secure and for this class's pages only.
        var cookie = started.Headers.GetValues("Set-Cookie").Single(header => header.StartsWith(".HelloMvc.Teacher=", StringComparison.Ordinal)).Split("; ");
        Assert.Contains($"path={ClusterFixture.PathBase}/class/{code}", cookie);
        Assert.Contains("secure", cookie);
        return code;
    }

    // The grid's JSON from one instance, polled until the student's solve shows, for at most 5 s.
    private async Task<JsonElement> GridShowingAsync(Jar teacher, Uri instance, string code, string task)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var response = await SendAsync(teacher, HttpMethod.Get, new Uri(instance, $"class/{code}/teacher"), accept: "application/json");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var grid = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement;
            var students = grid.GetProperty("students");
            if (students.GetArrayLength() == 1 && students[0].GetProperty("solved").TryGetProperty(task, out _)) return grid;
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"{instance}: no {task} after 5 s: {grid}");
            await Task.Delay(200, Cancel);
        }
    }

    [Fact]
    public async Task A_student_joins_through_one_instance_solves_through_the_other_and_the_teacher_sees_it_on_either()
    {
        cluster.RequireServices();
        var teacher = new Jar();
        var code = await StartThroughNginxAsync(teacher);
        var student = new Jar();

        var joinPage = new Uri(cluster.Instance(0), $"class/{code.ToLowerInvariant()}");
        var joined = await PostFormAsync(student, joinPage, new Uri(cluster.Instance(0), $"class/{code}/join"), ("Name", "李雷"));
        Assert.Equal(HttpStatusCode.SeeOther, joined.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(student, HttpMethod.Get, new Uri(cluster.Instance(1), "hello/greet/Lei"))).StatusCode);

        foreach (var where in new[] { cluster.Instance(0), cluster.Instance(1), cluster.Proxy })
        {
            var grid = await GridShowingAsync(teacher, where, code, "greet-name");
            Assert.Equal("李雷", grid.GetProperty("students")[0].GetProperty("name").GetString());
            Assert.Equal(1, grid.GetProperty("solvedBy").GetProperty("greet-name").GetInt32());
        }
        var progress = await (await SendAsync(student, HttpMethod.Get, new Uri(cluster.Instance(1), "progress"))).Content.ReadAsStringAsync(Cancel);
        Assert.Equal(code, (await Parser.ParseDocumentAsync(progress, Cancel)).QuerySelector("#class .class-code")?.TextContent);
        Assert.True(await cluster.Redis.KeyTimeToLiveAsync($"HelloMvc:class:{code}") > TimeSpan.FromDays(13.9), "a class expires 14 days after its last use");
    }

    [Fact]
    public async Task The_two_instances_count_one_addresss_starts_together()
    {
        cluster.RequireServices();
        var busy = new Jar { ForwardedFor = "198.51.100.200" };
        for (var start = 0; start < 10; start++)
        {
            var classPage = new Uri(cluster.Instance(start % 2), "class");
            var started = await PostFormAsync(busy, classPage, classPage, ("Title", $"Class {start}"));
            Assert.True(started.StatusCode == HttpStatusCode.SeeOther, $"start {start + 1}: {(int)started.StatusCode}");
        }

        foreach (var instance in new[] { cluster.Instance(0), cluster.Instance(1) })
        {
            var classPage = new Uri(instance, "class");
            var eleventh = await PostFormAsync(busy, classPage, classPage, ("Title", "One too many"));
            Assert.Equal(HttpStatusCode.TooManyRequests, eleventh.StatusCode);
            Assert.True(eleventh.Headers.RetryAfter?.Delta > TimeSpan.FromMinutes(50), $"Retry-After: {eleventh.Headers.RetryAfter}");
        }
    }

    public void Dispose() => _client.Dispose();
}
