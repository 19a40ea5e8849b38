using HelloMvc.Tests.Infrastructure;
using HelloMvc.Web.Sessions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace HelloMvc.Tests.Sessions;

public class UsesSessionAttributeTests(SiteFactory site, KestrelSite wire)
{
    [Fact]
    public void Only_the_actions_that_read_or_write_the_session_load_it()
    {
        site.CreateClient(); // starts the host, so routing has its endpoints
        var marked = site.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Where(endpoint => endpoint.Metadata.GetMetadata<UsesSessionAttribute>() is not null)
            .Select(endpoint => endpoint.Metadata.GetMetadata<ControllerActionDescriptor>()!)
            .Select(action => $"{action.ControllerName}.{action.ActionName}")
            .Distinct()
            .Order();

        Assert.Equal(["Hooks.Context", "Request.Hello", "Session.Admin", "Session.Login", "Session.Logout", "Session.SetName"], marked);
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
