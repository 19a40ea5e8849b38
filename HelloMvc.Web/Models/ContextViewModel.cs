namespace HelloMvc.Web.Models;

/// <summary>The four contexts of one request side by side: the app, g (HttpContext.Items), the request and the session.</summary>
public sealed record ContextViewModel(
    IWebHostEnvironment App,
    IReadOnlyDictionary<string, string> Items,
    IReadOnlyDictionary<string, string> Session)
{
    /// <summary>What the app, this request's g and its session hold right now, as text.</summary>
    public static ContextViewModel Of(IWebHostEnvironment app, HttpContext request) =>
        new(app,
            // The framework keeps entries of its own in Items, some under object keys; g's are the string-keyed ones.
            request.Items.Where(item => item.Key is string).ToDictionary(item => (string)item.Key, item => item.Value?.ToString() ?? ""),
            request.Session.Keys.ToDictionary(key => key, key => request.Session.GetString(key) ?? ""));
}
