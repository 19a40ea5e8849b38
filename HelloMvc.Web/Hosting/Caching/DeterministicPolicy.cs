using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace HelloMvc.Web.Hosting.Proxy.Caching;

/// <summary>
/// The output-cache policy for pages that are a pure function of their URL and Accept header: the same build gives
/// everyone the same answer. Actions opt in with <c>[OutputCache(PolicyName = DeterministicPolicy.Name)]</c>; the server
/// keeps the answer in its output cache, and the browser may keep it too and revalidate with its ETag (the output cache
/// answers a matching If-None-Match with 304 Not Modified).
/// </summary>
public sealed class DeterministicPolicy : IOutputCachePolicy
{
    public const string Name = "Deterministic";

    // A new build may answer differently, so the build's identity is part of every ETag.
    private static readonly string Build = typeof(DeterministicPolicy).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    /// <summary>The named policy: the framework's defaults (GET and HEAD; only a 200 is stored), an hour on the server,
    /// varied by every query value and by Accept, plus this policy's headers for the browser.</summary>
    public static void Register(OutputCacheOptions options) =>
        options.AddPolicy(Name, policy => policy
            .Expire(TimeSpan.FromHours(1))
            .SetVaryByQuery("*")
            .SetVaryByHeader(HeaderNames.Accept)
            .AddPolicy<DeterministicPolicy>());

    // The headers go on before the action runs, so the cached copy carries them and a cache hit can answer
    // If-None-Match. An answer that turns out to be an error (a 400 for a bad page number) loses them as it starts,
    // so no browser or proxy keeps it.
    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        if (!context.EnableOutputCaching) return ValueTask.CompletedTask;

        var request = context.HttpContext.Request;
        // A redirect brought TempData along (what just happened): this answer is for this request only.
        var tempData = context.HttpContext.RequestServices.GetRequiredService<IOptions<CookieTempDataProviderOptions>>().Value;
        if (request.Cookies.ContainsKey(tempData.Cookie.Name!))
        {
            context.AllowCacheLookup = context.AllowCacheStorage = false;
            return ValueTask.CompletedTask;
        }
        var response = context.HttpContext.Response;
        var identity = $"{Build} {request.Path}{request.QueryString} {request.Headers.Accept}";
        response.Headers.ETag = $"\"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..16]}\"";
        response.Headers.CacheControl = "public, max-age=300";
        response.Headers.Vary = HeaderNames.Accept;
        response.OnStarting(() =>
        {
            if (!IsSuccessOrNotModified(response.StatusCode))
            {
                response.Headers.Remove(HeaderNames.ETag);
                response.Headers.Remove(HeaderNames.CacheControl);
            }
            return Task.CompletedTask;
        });
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    // A 304 revalidates a 200 the browser already holds, so it keeps the ETag and Cache-Control that came with it.
    private static bool IsSuccessOrNotModified(int status) => status is >= 200 and < 300 or StatusCodes.Status304NotModified;
}
