namespace HelloMvc.Web.Routing;

/// <summary>
/// The `{color:color}` route constraint: the route only matches the colours in <see cref="Colors"/>,
/// so any other value is a 404 before an action runs (Flask's any(blue, white, red) converter).
/// </summary>
public sealed class ColorRouteConstraint : IRouteConstraint
{
    /// <summary>The one list of colours: it feeds the constraint and the page's links.</summary>
    public static readonly IReadOnlyList<string> Colors = ["blue", "white", "red"];

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value)
        && value?.ToString() is { } color
        && Colors.Contains(color, StringComparer.OrdinalIgnoreCase);
}
