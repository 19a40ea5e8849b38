using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;

namespace HelloMvc.Web.Caching;

/// <summary>
/// Marks a page that is a pure function of its URL and Accept header: the same build gives everyone the same
/// answer. The server keeps it in its output cache, and the browser may keep it too and revalidate with its
/// ETag (the output cache answers a matching If-None-Match with 304 Not Modified).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class DeterministicAttribute : ResultFilterAttribute
{
    // A new build may answer differently, so the build's identity is part of every ETag.
    private static readonly string Build = typeof(DeterministicAttribute).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    /// <summary>Output caching for the marked endpoints only, varied by every query value and by Accept.</summary>
    public static void AddOutputCachePolicy(OutputCacheOptions options) =>
        options.AddBasePolicy(policy => policy
            .With(context => context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<DeterministicAttribute>() is not null)
            .Expire(TimeSpan.FromHours(1))
            .SetVaryByQuery("*")
            .SetVaryByHeader(HeaderNames.Accept));

    public override void OnResultExecuting(ResultExecutingContext context)
    {
        var request = context.HttpContext.Request;
        var headers = context.HttpContext.Response.Headers;
        var identity = $"{Build} {request.Path}{request.QueryString} {request.Headers.Accept}";
        headers.ETag = $"\"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..16]}\"";
        headers.CacheControl = "public, max-age=300";
        headers.Vary = HeaderNames.Accept;
    }
}
