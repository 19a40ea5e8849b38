namespace HelloMvc.Web.Hosting.Proxy;

public static class CookiePathExtensions
{
    /// <summary>The path a cookie for the whole site needs: the path base when there is one (/hellomvc), else /.</summary>
    public static string SiteCookiePath(this HttpRequest request) =>
        request.PathBase.Value is { Length: > 0 } pathBase ? pathBase : "/";
}
