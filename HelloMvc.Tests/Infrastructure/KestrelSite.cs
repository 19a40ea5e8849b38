using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace HelloMvc.Tests.Infrastructure;

/// <summary>
/// The same site as <see cref="SiteFactory"/>, served by Kestrel on a free port of 127.0.0.1, so a real
/// browser can reach it. Its <c>CreateClient()</c> talks to that port too.
/// </summary>
public class KestrelSite : SiteFactory
{
    public KestrelSite() => UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));

    /// <summary>Starts the server and answers its address, such as http://127.0.0.1:40123.</summary>
    public Uri Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        return new Uri(addresses.Addresses.Single());
    }
}
