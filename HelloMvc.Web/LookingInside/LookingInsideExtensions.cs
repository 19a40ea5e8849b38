using HelloMvc.Web.LookingInside.Catalog;
using HelloMvc.Web.LookingInside.Exchange;
using HelloMvc.Web.LookingInside.Journeys;
using HelloMvc.Web.LookingInside.Source;
using HelloMvc.Web.LookingInside.WhatHappened;
using Microsoft.AspNetCore.Mvc.Razor;

namespace HelloMvc.Web.LookingInside;

public static class LookingInsideExtensions
{
    /// <summary>
    /// The site's instruments: the exchange viewer, which sends its requests over a socket to the address the server
    /// listens on, and the journey of each of them; "The code" on every demo page and /source/…, from the site's own
    /// sources; and on every lesson page its place on the path through the lessons and what the redirects that led to
    /// it did.
    /// </summary>
    public static IServiceCollection AddLookingInside(this IServiceCollection services) =>
        services.AddExchangeViewer().AddJourneys().AddSourceListings().AddLessonPath().AddWhatHappened()
            .Configure<RazorViewEngineOptions>(razor =>
            {
                // The instruments keep their views beside their code, laid out as MVC's own Views/ folder
                // (LookingInside/Views/Exchange/Show.cshtml, LookingInside/Views/Shared/_LessonHeader.cshtml), so Views/
                // holds the lessons' views and the layout. Not an Area: every lesson page links the viewer and the code,
                // and an Area would make each of those links, and each link back, name the area it leaves or enters.
                razor.ViewLocationFormats.Add("/LookingInside/Views/{1}/{0}" + RazorViewEngine.ViewExtension);
                razor.ViewLocationFormats.Add("/LookingInside/Views/Shared/{0}" + RazorViewEngine.ViewExtension);
            });
}
