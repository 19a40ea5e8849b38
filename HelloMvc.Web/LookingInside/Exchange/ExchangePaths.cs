namespace HelloMvc.Web.LookingInside.Exchange;

public static class ExchangePaths
{
    /// <summary>
    /// The viewer's own pages, in any spelling of the path: the viewer never shows an exchange of itself (it would
    /// loop), so no demo of it has one either.
    /// </summary>
    public static bool IsTheViewer(string path) =>
        PathString.FromUriComponent(path.Split('?', '#')[0]).StartsWithSegments("/exchange", StringComparison.OrdinalIgnoreCase);
}
