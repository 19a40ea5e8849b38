using Microsoft.AspNetCore.Http.Features;

namespace HelloMvc.Web.Hosting.Sessions;

/// <summary>
/// Marks the actions that read or write the session. Only their requests go through the session
/// middleware, which otherwise encrypts a fresh session id for every visitor without a cookie, on
/// pages that never look at it.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class UsesSessionAttribute : Attribute;

public static class SessionWhereUsedExtensions
{
    /// <summary>
    /// The session middleware for the endpoints marked <see cref="UsesSessionAttribute"/>. Every other endpoint gets a
    /// session that throws, naming the attribute, so an action that forgets it fails its first test instead of a user.
    /// </summary>
    public static IApplicationBuilder UseSessionWhereUsed(this IApplicationBuilder app) =>
        app.UseWhen(UsesSession, branch => branch.UseSession())
            .Use((context, next) =>
            {
                if (!UsesSession(context)) context.Features.Set<ISessionFeature>(UndeclaredSession.Feature);
                return next(context);
            });

    /// <summary>True when the request's endpoint is marked <see cref="UsesSessionAttribute"/>.</summary>
    internal static bool UsesSession(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<UsesSessionAttribute>() is not null;

    private sealed class UndeclaredSession : ISessionFeature
    {
        public static readonly UndeclaredSession Feature = new();

        public ISession Session
        {
            get => throw new InvalidOperationException(
                $"This endpoint has no [UsesSession]: mark the action or its controller with it to read or write the session.");
            set => throw new InvalidOperationException($"Only endpoints marked [UsesSession] have a session.");
        }
    }
}
