using Microsoft.AspNetCore.Mvc;

namespace HelloMvc.Web.LookingInside.WhatHappened;

public static class WhatHappenedServiceCollectionExtensions
{
    /// <summary>"What just happened" on the page a redirect of this site leads to: every redirect is recorded into TempData.</summary>
    public static IServiceCollection AddWhatHappened(this IServiceCollection services) =>
        services.Configure<MvcOptions>(mvc => mvc.Filters.Add<WhatHappenedRecorder>());
}
