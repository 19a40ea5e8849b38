using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.StaticAssets;

namespace HelloMvc.Web.Routing;

/// <summary>
/// The site's route table, read from the framework's own endpoint data (the same endpoints
/// routing matches against), so it can never drift from what the site really serves.
/// </summary>
public sealed class RouteTable(EndpointDataSource endpoints)
{
    public IReadOnlyList<RouteRow> Rows() =>
        endpoints.Endpoints
            .OfType<RouteEndpoint>()
            // MapStaticAssets adds one endpoint per file (and per compressed copy); they are files, not routes.
            .Where(endpoint => endpoint.Metadata.GetMetadata<StaticAssetDescriptor>() is null)
            .Select(endpoint => new RouteRow(NameOf(endpoint), MethodsOf(endpoint), "/" + endpoint.RoutePattern.RawText?.TrimStart('/')))
            .OrderBy(row => row.Template, StringComparer.OrdinalIgnoreCase)
            .ThenBy(row => row.Endpoint, StringComparer.Ordinal)
            .ToList();

    /// <summary>The rows as aligned text columns, for the `routes` command.</summary>
    public string ToText()
    {
        var rows = Rows();
        string[][] lines = [["Endpoint", "Methods", "Rule"], .. rows.Select(r => new[] { r.Endpoint, r.Methods, r.Template })];
        var widths = Enumerable.Range(0, 2).Select(column => lines.Max(line => line[column].Length)).ToArray();
        return string.Join(Environment.NewLine, lines.Select(line =>
            $"{line[0].PadRight(widths[0])}  {line[1].PadRight(widths[1])}  {line[2]}"));
    }

    // Flask names an endpoint after its view function; an MVC action's natural name is Controller.Action.
    private static string NameOf(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName
        ?? (endpoint.Metadata.GetMetadata<ControllerActionDescriptor>() is { } action
            ? $"{action.ControllerName}.{action.ActionName}"
            : endpoint.DisplayName ?? "(unnamed)");

    private static string MethodsOf(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods
            ? string.Join(", ", methods.Order(StringComparer.Ordinal))
            : "ANY";
}
