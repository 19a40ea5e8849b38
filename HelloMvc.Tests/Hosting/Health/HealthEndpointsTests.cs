using System.Net;
using HelloMvc.Tests.Infrastructure;

namespace HelloMvc.Tests.Hosting.Health;

public class HealthEndpointsTests(SiteFactory site)
{
    private readonly HttpClient _client = site.CreateNoRedirectClient();

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/healthz/ready")]
    public async Task Without_Redis_both_probes_answer_Healthy_as_plain_text_that_nobody_may_store(string url)
    {
        var response = await _client.GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.True(response.Headers.CacheControl?.NoStore, $"Cache-Control: {response.Headers.CacheControl}");
    }

    [Fact]
    public async Task The_probes_answer_GET_and_HEAD_only()
    {
        var post = await _client.PostAsync("/healthz", new StringContent(""), TestContext.Current.CancellationToken);
        var head = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/healthz/ready"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
    }

    [Fact]
    public async Task The_probes_are_routes_on_the_route_table_but_not_demos_on_the_index()
    {
        var routes = (await _client.GetPageAsync("/routes")).Document.GetElementById("routes")!.ReadRows();
        var index = await _client.GetPageAsync("/");

        Assert.Contains(["Health.Live", "GET, HEAD", "/healthz"], routes);
        Assert.Contains(["Health.Ready", "GET, HEAD", "/healthz/ready"], routes);
        Assert.DoesNotContain(index.Document.QuerySelectorAll("a[href]"), link => link.GetAttribute("href")!.Contains("healthz"));
    }
}
