namespace HelloMvc.Web.TryIt.Progress;

/// <summary>What solved a task: the request line the server saw (method, path and query), its status, and when.</summary>
public sealed record TaskEvidence(string Request, int Status, DateTimeOffset At);
