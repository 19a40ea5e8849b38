using Microsoft.Net.Http.Headers;

namespace HelloMvc.Web.Negotiation;

public static class AcceptHeaderExtensions
{
    /// <summary>
    /// True when the client asked for JSON more than for HTML. Browsers end their Accept header
    /// with */*, which matches JSON too, so only a JSON type named outright counts.
    /// </summary>
    public static bool PrefersJson(this HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        var json = HighestQuality(accept, IsJson);
        var html = HighestQuality(accept, type => type.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
        return json > html;
    }

    private static bool IsJson(MediaTypeHeaderValue type) =>
        type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        || type.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase);

    private static double HighestQuality(IList<MediaTypeHeaderValue> accept, Func<MediaTypeHeaderValue, bool> matches) =>
        accept.Where(matches).Select(type => type.Quality ?? 1.0).DefaultIfEmpty(0).Max();
}
