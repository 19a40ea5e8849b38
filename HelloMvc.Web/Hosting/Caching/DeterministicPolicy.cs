using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace HelloMvc.Web.Hosting.Caching;

/// <summary>
/// The output-cache policy for pages that are a pure function of their URL and Accept header: the same build gives
/// everyone the same answer. Actions opt in with <c>[OutputCache(PolicyName = DeterministicPolicy.Name)]</c>, and name
/// the query keys they read with <c>VaryByQueryKeys</c>; the server keeps the answer in its output cache, and the
/// browser may keep it too and revalidate with its ETag (the output cache answers a matching If-None-Match with 304).
/// </summary>
/// <remarks>
/// The cache is this instance's memory, bounded: every instance computes the same page, so nothing is gained by
/// sharing it, and a shared store that anyone can fill with new URLs is a store anyone can fill up. A request with a
/// query key the page does not read (<c>?junk=1</c>) is answered, never stored, so junk cannot grow the cache.
/// </remarks>
public sealed class DeterministicPolicy : IOutputCachePolicy
{
    public const string Name = "Deterministic";

    /// <summary>How long the server keeps a page.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    /// <summary>The most the cache holds, in bytes of cached responses, and the largest single page it keeps.</summary>
    public const long SizeLimit = 32 * 1024 * 1024, MaximumBodySize = 1024 * 1024;

    // Accept picks the media type; Accept-Language and the switch's cookie pick the language.
    private static readonly string LanguageVary = $"{HeaderNames.Accept}, {HeaderNames.AcceptLanguage}, {HeaderNames.Cookie}";

    // A new build may answer differently, so the build's identity is part of every ETag.
    private static readonly string Build = typeof(DeterministicPolicy).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    /// <summary>The named policy: the framework's defaults (GET and HEAD; only a 200 without Set-Cookie is stored),
    /// a few minutes in a bounded memory, varied by Accept and the page's own query keys, plus this policy's headers.</summary>
    public static void Register(OutputCacheOptions options)
    {
        options.SizeLimit = SizeLimit;
        options.MaximumBodySize = MaximumBodySize;
        options.AddPolicy(Name, policy => policy
            .Expire(Lifetime)
            .SetVaryByHeader(HeaderNames.Accept)
            .AddPolicy<DeterministicPolicy>());
    }

    /// <summary>
    /// The one hook that keeps a request away from the cache, before the page runs: a request that carries state of
    /// its own for this page. Today that is TempData (a "what just happened" message in its cookie, shown once): the
    /// default policy would serve the cached page to it, and the message would never show. Add any such state here.
    /// </summary>
    public static bool CarriesStateForThisPage(HttpContext context)
    {
        var tempDataCookie = context.RequestServices.GetService<IOptions<CookieTempDataProviderOptions>>()?.Value.Cookie.Name
            ?? CookieTempDataProvider.CookieName;
        return context.Request.Cookies.ContainsKey(tempDataCookie);
    }

    // The headers go on before the action runs, so the cached copy carries them and a cache hit can answer
    // If-None-Match. An answer that turns out to be an error (a 400 for a bad page number) loses them as it starts,
    // so no browser or proxy keeps it.
    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        if (!context.EnableOutputCaching) return ValueTask.CompletedTask;

        var http = context.HttpContext;
        if (CarriesStateForThisPage(http) || ReadsOtherQueryKeys(http))
        {
            // Answered as any page is, neither looked up nor stored, and nothing for a browser to keep either.
            context.EnableOutputCaching = false;
            return ValueTask.CompletedTask;
        }

        // The page speaks the request's language (UseRequestLocalization ran before): one copy per language, never
        // an English page for a Chinese request. A browser's copy varies with what picks the language too.
        var language = CultureInfo.CurrentUICulture.Name;
        context.CacheVaryByRules.VaryByValues["culture"] = language;
        var request = http.Request;
        var response = http.Response;
        var identity = $"{Build} {request.Path}{request.QueryString} {request.Headers.Accept} {language}";
        response.Headers.ETag = $"\"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..16]}\"";
        response.Headers.CacheControl = "public, max-age=300";
        response.Headers.Vary = LanguageVary;
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

    // The page's query keys are the ones its [OutputCache(VaryByQueryKeys = ...)] names; the cache key holds only those.
    // That key cannot tell an empty value from a missing one (?page= from no page at all), so an empty one skips it too.
    private static bool ReadsOtherQueryKeys(HttpContext context)
    {
        var query = context.Request.Query;
        if (query.Count == 0) return false;
        var read = context.GetEndpoint()?.Metadata.GetMetadata<OutputCacheAttribute>()?.VaryByQueryKeys ?? [];
        return query.Any(pair => !read.Contains(pair.Key, StringComparer.OrdinalIgnoreCase) || string.IsNullOrEmpty(pair.Value));
    }

    // A 304 revalidates a 200 the browser already holds, so it keeps the ETag and Cache-Control that came with it.
    private static bool IsSuccessOrNotModified(int status) => status is >= 200 and < 300 or StatusCodes.Status304NotModified;
}
