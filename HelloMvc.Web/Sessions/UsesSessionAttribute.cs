namespace HelloMvc.Web.Sessions;

/// <summary>
/// Marks the actions that read or write the session. Only their requests go through the session
/// middleware, which otherwise encrypts a fresh session id for every visitor without a cookie, on
/// pages that never look at it.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class UsesSessionAttribute : Attribute;

public static class SessionWhereUsedExtensions
{
    /// <summary>The session middleware, for the endpoints marked <see cref="UsesSessionAttribute"/> only.</summary>
    public static IApplicationBuilder UseSessionWhereUsed(this IApplicationBuilder app) =>
        app.UseWhen(
            context => context.GetEndpoint()?.Metadata.GetMetadata<UsesSessionAttribute>() is not null,
            branch => branch.UseSession());
}
