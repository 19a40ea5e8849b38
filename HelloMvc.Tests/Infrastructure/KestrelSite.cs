using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

[assembly: AssemblyFixture(typeof(HelloMvc.Tests.Infrastructure.KestrelSite))]

namespace HelloMvc.Tests.Infrastructure;

/// <summary>
/// The same site as <see cref="SiteFactory"/>, served by Kestrel on a free port of 127.0.0.1: one server per test
/// run, shared by the browser tests and every test whose subject is what a client receives on the wire (Kestrel
/// enforces what the in-memory host does not: header values, request-line bytes, its own headers).
/// </summary>
public class KestrelSite : SiteFactory, IAsyncLifetime
{
    public KestrelSite() => UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));

    /// <summary>The site's address, such as http://127.0.0.1:40123.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public ValueTask InitializeAsync()
    {
        BaseAddress = Start();
        return ValueTask.CompletedTask;
    }

    /// <summary>Starts the server (once) and answers its address.</summary>
    public Uri Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        return new Uri(addresses.Addresses.Single());
    }

    /// <summary>A client on a real socket that shows redirects instead of following them and keeps its own cookies.</summary>
    public HttpClient CreateWireClient(bool handleCookies = true) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = handleCookies, UseProxy = false }) { BaseAddress = BaseAddress };
}
