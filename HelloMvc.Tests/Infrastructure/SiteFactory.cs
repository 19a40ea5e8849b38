using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

[assembly: AssemblyFixture(typeof(HelloMvc.Tests.Infrastructure.SiteFactory))]

namespace HelloMvc.Tests.Infrastructure;

/// <summary>
/// The site hosted in memory, shared by every test class. It runs as Production, the way a learner's
/// published copy runs; tests that need Development make their own host with <see cref="InEnvironment"/>.
/// </summary>
public class SiteFactory : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.UseEnvironment(Environments.Production)
            // The gzip and Brotli copies of wwwroot sit under obj/ until publish; outside Development only the
            // static web assets manifest finds them, and without it a browser's Accept-Encoding gets empty 200s.
            .UseStaticWebAssets()
            // The site's own log lines (a thrown /hello/error, say) would only bury the test report.
            .ConfigureLogging(logging => logging.ClearProviders());

    /// <summary>A client that shows redirects instead of following them, so tests can read Location.</summary>
    public HttpClient CreateNoRedirectClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public WebApplicationFactory<Program> InEnvironment(string environment) =>
        WithWebHostBuilder(builder => builder.UseEnvironment(environment));
}
