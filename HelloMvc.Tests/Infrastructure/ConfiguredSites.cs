using HelloMvc.Web.Hosting.Proxy;
using Microsoft.AspNetCore.Hosting;

// The sites under the path base are shared by every test class that needs one, as KestrelSite and SiteFactory are.
[assembly: AssemblyFixture(typeof(HelloMvc.Tests.Infrastructure.PathBaseSite))]
[assembly: AssemblyFixture(typeof(HelloMvc.Tests.Infrastructure.PathBaseKestrelSite))]

namespace HelloMvc.Tests.Infrastructure;

/// <summary>Settings as a deployment gives them (environment variables, appsettings), for the sites below.</summary>
public static class SiteSettings
{
    public const string PathBase = "/hellomvc";

    public static readonly IReadOnlyDictionary<string, string> UnderPathBase =
        new Dictionary<string, string> { [HostingExtensions.PathBaseKey] = PathBase };

    public static void Apply(IWebHostBuilder builder, IReadOnlyDictionary<string, string> settings)
    {
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}

/// <summary>The site in memory under the path base /hellomvc, as a class site behind nginx runs it.</summary>
public sealed class PathBaseSite : SiteFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        SiteSettings.Apply(builder, SiteSettings.UnderPathBase);
    }
}

/// <summary><see cref="KestrelSite"/> with settings of its own: a path base, the proxies it trusts.</summary>
public class ConfiguredKestrelSite(IReadOnlyDictionary<string, string> settings) : KestrelSite
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        SiteSettings.Apply(builder, settings);
    }
}

/// <summary>The site on a real port under the path base /hellomvc.</summary>
public sealed class PathBaseKestrelSite() : ConfiguredKestrelSite(SiteSettings.UnderPathBase);
