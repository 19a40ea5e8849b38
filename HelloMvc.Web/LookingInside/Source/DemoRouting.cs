using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.Routing.Template;

namespace HelloMvc.Web.LookingInside.Source;

/// <summary>
/// Where a request lands: the action's endpoint, and whether routing really chose it or only its route's shape
/// fitted and a constraint refused the value (then no action runs and the answer is routing's 404).
/// </summary>
public sealed record Landing(RouteEndpoint Endpoint, ControllerActionDescriptor Action, bool RefusedByConstraint)
{
    public string Template => "/" + Endpoint.RoutePattern.RawText?.TrimStart('/');
}

/// <summary>
/// Finds, without sending it, the endpoint a request would reach, from the framework's own routing data: every
/// RouteEndpoint in the EndpointDataSource, tried in routing's order (its Order, then its route's inbound precedence,
/// most specific first), each matched with the framework's TemplateMatcher and the route's own constraints, built by
/// the framework's ParameterPolicyFactory (so {color:color} asks ColorRouteConstraint, as routing does).
/// </summary>
public sealed class DemoRouting
{
    private readonly Lazy<IReadOnlyList<Route>> _routes;

    public DemoRouting(EndpointDataSource endpoints, ParameterPolicyFactory policies) =>
        _routes = new(() => endpoints.Endpoints
            .OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.Metadata.GetMetadata<ControllerActionDescriptor>() is not null)
            .OrderBy(endpoint => endpoint.Order)
            .ThenBy(endpoint => endpoint.RoutePattern.InboundPrecedence)
            .Select(endpoint => new Route(endpoint, policies))
            .ToList());

    public Landing? Find(string method, string path)
    {
        // The path is already decoded: it goes in as it is (the implicit conversion from string would decode it again).
        if (!path.StartsWith('/'))
        {
            return null;
        }
        var requested = new PathString(path);
        Landing? refused = null;
        foreach (var route in _routes.Value.Where(route => route.Accepts(method)))
        {
            var values = new RouteValueDictionary();
            if (!route.Matcher.TryMatch(requested, values))
            {
                continue;
            }
            var action = route.Endpoint.Metadata.GetMetadata<ControllerActionDescriptor>()!;
            if (route.ConstraintsAccept(values))
            {
                return new Landing(route.Endpoint, action, RefusedByConstraint: false);
            }
            refused ??= new Landing(route.Endpoint, action, RefusedByConstraint: true);
        }
        return refused;
    }

    private sealed class Route
    {
        private readonly IReadOnlyList<(string Parameter, IRouteConstraint Constraint)> _constraints;

        public Route(RouteEndpoint endpoint, ParameterPolicyFactory policies)
        {
            Endpoint = endpoint;
            var pattern = endpoint.RoutePattern;
            Matcher = new TemplateMatcher(new RouteTemplate(pattern), new RouteValueDictionary(pattern.Defaults));
            _constraints = pattern.ParameterPolicies
                .SelectMany(policy => policy.Value.Select(reference => (policy.Key, policies.Create(pattern.GetParameter(policy.Key), reference))))
                .Where(created => created.Item2 is IRouteConstraint)
                .Select(created => (created.Key, (IRouteConstraint)created.Item2))
                .ToList();
        }

        public RouteEndpoint Endpoint { get; }

        public TemplateMatcher Matcher { get; }

        public bool Accepts(string method) =>
            Endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is not { Count: > 0 } methods
            || methods.Contains(method, StringComparer.OrdinalIgnoreCase);

        public bool ConstraintsAccept(RouteValueDictionary values) =>
            _constraints.All(entry => entry.Constraint.Match(null, null, entry.Parameter, values, RouteDirection.IncomingRequest));
    }
}
