using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

[assembly: AssemblyFixture(typeof(HelloMvc.Tests.Infrastructure.SiteFactory))]

namespace HelloMvc.Tests.Infrastructure;

/// <summary>
/// The site hosted in memory, shared by every test class. It runs as Production, the way a learner's
/// published copy runs, with its clock pinned and its log lines collected instead of printed.
/// Tests that need Development make their own host with <see cref="InEnvironment"/>.
/// </summary>
public class SiteFactory : WebApplicationFactory<Program>
{
    /// <summary>The site's TimeProvider: noon UTC on 1 June 2026, unless a test moves it.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));

    /// <summary>Every text a Chinese page asked for and found no Chinese for ("resource: English text").</summary>
    public ConcurrentDictionary<string, byte> Untranslated { get; } = new();

    /// <summary>Every log record the site wrote.</summary>
    public FakeLogCollector Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.UseEnvironment(Environments.Production)
            // Collect the log, the teardown hook's per-request lines included (Production leaves them off).
            .ConfigureLogging(logging => logging.ClearProviders().AddProvider(new FakeLoggerProvider(Logs))
                .AddFilter<FakeLoggerProvider>("Microsoft.AspNetCore.HttpLogging", LogLevel.Information))
            .ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock)
                .AddSingleton<IStringLocalizerFactory>(provider => new MissingTranslations(
                    ActivatorUtilities.CreateInstance<ResourceManagerStringLocalizerFactory>(provider), Untranslated)));

    /// <summary>A client that shows redirects instead of following them, so tests can read Location; it keeps cookies.</summary>
    public HttpClient CreateNoRedirectClient(string baseAddress = "http://localhost") =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri(baseAddress) });

    public WebApplicationFactory<Program> InEnvironment(string environment) =>
        WithWebHostBuilder(builder => builder.UseEnvironment(environment));
}
