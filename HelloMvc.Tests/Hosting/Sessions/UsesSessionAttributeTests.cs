using HelloMvc.Tests.Infrastructure;
using HelloMvc.Web.Hosting.Sessions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace HelloMvc.Tests.Hosting.Sessions;

public class UsesSessionAttributeTests(SiteFactory site, KestrelSite wire)
{
    private const string SessionCookie = ".HelloMvc.Session";

    /// <summary>One request through UseSessionWhereUsed to an endpoint with the given metadata, whose handler is <paramref name="handler"/>.</summary>
    private async Task<HttpContext> RunAsync(RequestDelegate handler, params object[] metadata)
    {
        var app = new ApplicationBuilder(site.Services);
        app.UseSessionWhereUsed();
        app.Run(handler);
        var context = new DefaultHttpContext { RequestServices = site.Services };
        context.SetEndpoint(new Endpoint(handler, new EndpointMetadataCollection(metadata), "test endpoint"));
        await app.Build()(context);
        return context;
    }

    [Fact]
    public async Task An_action_that_touches_the_session_without_the_attribute_fails_and_the_message_names_it()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            RunAsync(context => context.Session.LoadAsync()));

        Assert.Contains("[UsesSession]", error.Message);
    }

    [Fact]
    public async Task An_action_with_the_attribute_reads_back_what_it_wrote()
    {
        string? readBack = null;

        await RunAsync(context =>
        {
            context.Session.SetString("answer", "42");
            readBack = context.Session.GetString("answer");
            return Task.CompletedTask;
        }, new UsesSessionAttribute());

        Assert.Equal("42", readBack);
    }

    [Theory]
    [InlineData("/hello")]
    [InlineData("/http/g?name=Grey")]
    [InlineData("/http/note/json")]
    [InlineData("/http/status-codes")]
    public async Task A_page_that_never_reads_the_session_leaves_a_new_visitor_without_a_session_cookie(string url)
    {
        var response = await site.CreateNoRedirectClient().GetAsync(url, TestContext.Current.CancellationToken);

        Assert.True(response.IsSuccessStatusCode, $"{url}: {response.StatusCode}");
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [],
            cookie => cookie.StartsWith(SessionCookie + "=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_session_written_by_one_page_is_read_by_the_others_that_use_it()
    {
        var client = site.CreateNoRedirectClient();

        var login = await client.GetAsync("/http/login", TestContext.Current.CancellationToken);
        var hello = await client.GetPageAsync("/http/hello");
        var context = await client.GetPageAsync("/http/context");

        Assert.Contains(login.Headers.GetValues("Set-Cookie"), cookie => cookie.StartsWith(SessionCookie + "=", StringComparison.Ordinal));
        Assert.Equal("[Authenticated]", hello.Text("p.auth"));
        Assert.Equal("true", context.Document.GetElementById("session")!.ReadLabeled()["logged_in"]);
    }

    [Fact]
    public async Task The_exchange_viewer_loads_no_session_itself_but_its_inner_request_carries_the_learners()
    {
        // The viewer asks over a socket, so this runs on a real server.
        var client = wire.CreateWireClient();
        (await client.GetAsync("/http/login", TestContext.Current.CancellationToken)).Dispose();

        var direct = await client.GetPageAsync("/http/context");
        var throughTheViewer = await client.GetPageAsync("/exchange?path=/http/context");

        Assert.Equal("true", direct.Document.GetElementById("session")!.ReadLabeled()["logged_in"]);
        Assert.Contains("logged_in", throughTheViewer.Text("pre#response"));
    }
}
