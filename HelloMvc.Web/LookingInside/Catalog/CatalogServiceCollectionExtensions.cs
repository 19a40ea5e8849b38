namespace HelloMvc.Web.LookingInside.Catalog;

public static class CatalogServiceCollectionExtensions
{
    /// <summary>The lesson path on every page: which lesson a request belongs to, its neighbours, its section.</summary>
    public static IServiceCollection AddLessonPath(this IServiceCollection services) => services.AddSingleton<LessonFinder>();
}
