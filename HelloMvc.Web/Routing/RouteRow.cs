namespace HelloMvc.Web.Routing;

/// <summary>One endpoint as `flask routes` shows it.</summary>
public sealed record RouteRow(string Endpoint, string Methods, string Template);
