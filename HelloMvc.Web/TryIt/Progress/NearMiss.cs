namespace HelloMvc.Web.TryIt.Progress;

/// <summary>
/// A request of the learner to a task's endpoint that did not solve it: what was sent, what came back, and why that
/// is not it yet, in the lesson's words ("no antiforgery token. The task wants 405: a method the route does not allow.").
/// </summary>
public sealed record NearMiss(string Request, int Status, string Why, DateTimeOffset At)
{
    /// <summary>The whole sentence a learner reads under the task.</summary>
    public string Sentence => $"You sent {Request} and got {Status}: {Why}";
}
