using HelloMvc.Web.Hooks;

namespace HelloMvc.Web.Models;

/// <summary>
/// The evidence /http/hooks shows that each hook ran: when the app finished starting, what the before-request filter
/// stored in g for this request, and the lines the teardown hook logged for this browser's recent requests (newest first).
/// </summary>
public sealed record HooksViewModel(DateTimeOffset? StartedAt, string? GName, IReadOnlyList<TeardownLine> TeardownLines)
{
    /// <summary>The header only this response carries, added by the action's own Response.OnStarting callback.</summary>
    public const string AfterThisRequestHeader = "X-After-This-Request";
}
