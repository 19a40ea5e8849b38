using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace HelloMvc.Web.Hosting.Proxy;

/// <summary>
/// Hosting the site behind a reverse proxy such as nginx, and under a sub-path such as https://example.edu/hellomvc/.
/// With nothing configured the site runs exactly as it does on its own: the proxies trusted by default are
/// loopback ones, which a learner's browser never is, and there is no path base.
/// </summary>
public static class HostingExtensions
{
    /// <summary>The prefix the whole site answers under, such as /hellomvc (environment: PathBase=/hellomvc).</summary>
    public const string PathBaseKey = "PathBase";

    /// <summary>
    /// ForwardedHeaders:KnownProxies (addresses) and ForwardedHeaders:KnownNetworks (CIDR, such as 10.0.0.0/8), each a
    /// list or one value with commas: when either is set, exactly those are trusted, instead of the loopback default.
    /// A value that is not an address stops the start, naming the setting.
    /// </summary>
    public const string ForwardedHeadersSection = "ForwardedHeaders";

    public static IServiceCollection AddHostingBehindProxy(this IServiceCollection services)
    {
        // The framework's default trusts loopback proxies only (127.0.0.0/8 and ::1): nginx on the same machine.
        services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            var section = configuration.GetSection(ForwardedHeadersSection);
            var proxies = List(section.GetSection("KnownProxies"));
            var networks = List(section.GetSection("KnownNetworks"));
            if (proxies.Length + networks.Length > 0)
            {
                options.KnownProxies.Clear();
                options.KnownIPNetworks.Clear();
                foreach (var proxy in proxies)
                {
                    options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                        ? address
                        : throw new InvalidOperationException($"{ForwardedHeadersSection}:KnownProxies: '{proxy}' is not an IP address."));
                }
                foreach (var network in networks)
                {
                    options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed)
                        ? parsed
                        : throw new InvalidOperationException($"{ForwardedHeadersSection}:KnownNetworks: '{network}' is not a network such as 10.0.0.0/8."));
                }
            }
        });

        // The session cookie goes back only to this site's own path, not to every application on the host.
        services.AddOptions<SessionOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            if (configuration[PathBaseKey] is { Length: > 0 } pathBase) options.Cookie.Path = pathBase;
        });

        // Every cookie the site sets (the session's, the name cookie, the antiforgery token's) is Secure when the
        // request came over https, as the proxy saw it; over plain http nothing changes.
        services.Configure<CookiePolicyOptions>(options => options.Secure = CookieSecurePolicy.SameAsRequest);
        return services;
    }

    // A list as JSON gives it ("KnownProxies": ["10.0.0.5"]), or one value, which may name several with commas
    // (ForwardedHeaders__KnownProxies=10.0.0.5,10.0.0.6 in the environment).
    private static string[] List(IConfigurationSection section)
    {
        IEnumerable<string> items = section.Value is { Length: > 0 } value ? [value] : section.GetChildren().Select(child => child.Value ?? "");
        return [.. items.SelectMany(item => item.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))];
    }

    /// <summary>
    /// Goes first in the pipeline: everything after it sees the client's scheme, host and address, and the path
    /// without the path base, which URL generation then puts back on every link, form, script and redirect.
    /// </summary>
    public static WebApplication UseHostingBehindProxy(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseCookiePolicy();
        if (app.Configuration[PathBaseKey] is { Length: > 0 } pathBase)
        {
            if (!pathBase.StartsWith('/'))
            {
                throw new InvalidOperationException($"{PathBaseKey} must start with '/', such as /hellomvc; it is '{pathBase}'.");
            }
            // Program.cs routes after this, so routing matches the path without the prefix.
            app.UsePathBase(pathBase);
        }
        return app;
    }
}
