using HelloMvc.Web.Hosting.Storage;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace HelloMvc.Web.Classes;

public static class ClassesExtensions
{
    /// <summary>
    /// A class: a teacher starts one, students join it under a name, the teacher watches the class solve. Classes live
    /// where the site keeps what instances share (memory embedded, Redis when configured), bounded and expiring; starting
    /// one is rate-limited per address. The room keeps its views beside its code, as LookingInside/ does.
    /// </summary>
    public static IServiceCollection AddClasses(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ClassOptions>().Bind(configuration.GetSection(ClassOptions.Section));
        services.AddSingleton<IClassStore>(provider => provider.GetService<SiteRedis>() is { } redis
            ? new RedisClassStore(redis, provider.GetRequiredService<IOptions<ClassOptions>>(), provider.GetRequiredService<TimeProvider>())
            : ActivatorUtilities.CreateInstance<MemoryClassStore>(provider));
        services.AddSingleton<ClassGrids>();
        services.Configure<RateLimiterOptions>(limiter => limiter.AddPolicy<string, ClassStartPolicy>(ClassStartPolicy.Name));
        return services.Configure<RazorViewEngineOptions>(razor =>
        {
            razor.ViewLocationFormats.Add("/Classes/Views/{1}/{0}" + RazorViewEngine.ViewExtension);
            razor.ViewLocationFormats.Add("/Classes/Views/Shared/{0}" + RazorViewEngine.ViewExtension);
        });
    }
}
