using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Net.Http.Headers;

namespace HelloMvc.Web.Hosting.Security;

/// <summary>
/// What a security review expects of a site on the open internet, beyond the headers of <see cref="SecurityHeaders"/>:
/// HSTS over https, no <c>Server</c> header naming the software, and a limit on the one page that costs the site a
/// connection of its own per request (the exchange viewer).
/// </summary>
public static class SiteDefenses
{
    /// <summary>The rate-limiter policy of the exchange viewer: <c>[EnableRateLimiting(SiteDefenses.ExchangePolicy)]</c>.</summary>
    public const string ExchangePolicy = "exchange";

    /// <summary>Exchanges in flight at once (setting <c>Exchange:ConcurrencyLimit</c>, 16 unless set); each opens a socket
    /// to the site itself. Beyond it: 503 with Retry-After.</summary>
    public const string ConcurrencyLimitKey = "Exchange:ConcurrencyLimit";

    public const int DefaultConcurrencyLimit = 16;

    /// <summary>Seconds a client refused by the limit is told to wait.</summary>
    public const int RetryAfterSeconds = 1;

    public static IServiceCollection AddSiteDefenses(this IServiceCollection services)
    {
        // Kestrel names itself in every response unless told not to; the name helps only someone looking for a weakness.
        services.Configure<KestrelServerOptions>(kestrel => kestrel.AddServerHeader = false);

        // The framework's defaults: 30 days, and not for localhost, 127.0.0.1 or [::1] (HstsOptions.ExcludedHosts),
        // so a learner's own copy never pins their browser to https.
        services.AddHsts(_ => { });

        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IConfiguration>((limiter, configuration) =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status503ServiceUnavailable;
            limiter.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers[HeaderNames.RetryAfter] = RetryAfterSeconds.ToString();
                return ValueTask.CompletedTask;
            };
            // No queue: a request beyond the limit is told at once to come back, rather than held while others finish.
            limiter.AddConcurrencyLimiter(ExchangePolicy, exchange =>
            {
                exchange.PermitLimit = configuration.GetValue(ConcurrencyLimitKey, DefaultConcurrencyLimit);
                exchange.QueueLimit = 0;
                exchange.QueueProcessingOrder = QueueProcessingOrder.OldestFirst;
            });
        });
        return services;
    }

    /// <summary>
    /// After the exception handler and the status-code pages, so their pages get HSTS too and a refused request
    /// (503, no body) is shown as the site's error page. HSTS outside Development only, on https requests as the
    /// proxy saw them (the forwarded headers have run by then).
    /// </summary>
    public static WebApplication UseSiteDefenses(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        app.UseRateLimiter();
        return app;
    }
}
