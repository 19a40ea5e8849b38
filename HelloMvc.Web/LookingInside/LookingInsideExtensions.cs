using HelloMvc.Web.LookingInside.Catalog;
using HelloMvc.Web.LookingInside.Exchange;
using HelloMvc.Web.LookingInside.Hops;
using HelloMvc.Web.LookingInside.Source;

namespace HelloMvc.Web.LookingInside;

public static class LookingInsideExtensions
{
    /// <summary>
    /// The site's instruments: the exchange viewer, which sends its requests over a socket to the address the server
    /// listens on; "The code" on every demo page and /source/…, from the site's own sources; and on every lesson page
    /// its place on the path through the lessons and what the redirects that led to it did.
    /// </summary>
    public static IServiceCollection AddLookingInside(this IServiceCollection services) =>
        services.AddWireClient().AddSourceListings().AddLessonPath().AddWhatHappened();
}
