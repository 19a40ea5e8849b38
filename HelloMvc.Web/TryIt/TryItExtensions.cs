using HelloMvc.Web.Hosting.Storage;
using HelloMvc.Web.TryIt.Progress;
using Microsoft.AspNetCore.Mvc.Razor;

namespace HelloMvc.Web.TryIt;

public static class TryItExtensions
{
    /// <summary>
    /// Try it: every lesson asks the learner to make something happen, and the server says when it did. The learner is
    /// a protected cookie (Learners/), the tasks are declared beside their lessons in the catalogue (Tasks/), and each
    /// learner's solves and near misses are kept in memory, bounded, or in Redis when the site has it (Progress/).
    /// </summary>
    public static IServiceCollection AddTryIt(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ProgressStoreOptions>(configuration.GetSection("TryIt"));
        services.AddSingleton<Learners>();
        // The store follows the site's storage: Redis when ConnectionStrings:Redis gave the site its connection.
        services.AddSingleton<IProgressStore>(provider => provider.GetService<SiteRedis>() is { } redis
            ? ActivatorUtilities.CreateInstance<RedisProgressStore>(provider, redis)
            : ActivatorUtilities.CreateInstance<MemoryProgressStore>(provider));
        return services.Configure<RazorViewEngineOptions>(razor =>
        {
            // Like LookingInside/, the room keeps its views beside its code, laid out as MVC's own Views/ folder.
            razor.ViewLocationFormats.Add("/TryIt/Views/{1}/{0}" + RazorViewEngine.ViewExtension);
            razor.ViewLocationFormats.Add("/TryIt/Views/Shared/{0}" + RazorViewEngine.ViewExtension);
        });
    }

    /// <summary>The server's check of every task (TaskCheckMiddleware): where it goes in the pipeline is said in Program.cs.</summary>
    public static IApplicationBuilder UseTryIt(this IApplicationBuilder app) => app.UseMiddleware<TaskCheckMiddleware>();
}
