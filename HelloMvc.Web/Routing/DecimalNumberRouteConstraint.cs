using System.Globalization;
using System.Text.RegularExpressions;

namespace HelloMvc.Web.Routing;

/// <summary>
/// The `{number:decimalnumber}` route constraint, Flask's float converter: a decimal number written the invariant way
/// (digits, an optional minus, an optional fraction after a dot) that a double holds as a finite value. The framework's
/// `double` constraint is not strict enough: it reads `NaN`, `Infinity` and `1e999` (as infinity), and whatever the
/// server's culture writes, so `3,5` may match; here each of them is a 404.
/// </summary>
public sealed partial class DecimalNumberRouteConstraint : IRouteConstraint
{
    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value)
        && Convert.ToString(value, CultureInfo.InvariantCulture) is { } text
        && InvariantDecimal().IsMatch(text)
        && double.IsFinite(double.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture));

    [GeneratedRegex(@"\A-?[0-9]+(\.[0-9]+)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex InvariantDecimal();
}
