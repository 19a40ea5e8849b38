namespace HelloMvc.Web.TryIt.Tasks;

/// <summary>Where a learner does a task.</summary>
public enum TaskPlace
{
    /// <summary>In this browser: follow a link, change the URL, press the page's button.</summary>
    Browser,

    /// <summary>In the exchange viewer's form, opened with the path filled in.</summary>
    Exchange,

    /// <summary>In a terminal, with curl carrying the learner cookie.</summary>
    Terminal,
}

/// <summary>Where to do a task, and the path to start from there.</summary>
public sealed record TaskWhere(TaskPlace Place, string Path)
{
    public static TaskWhere Browser(string path) => new(TaskPlace.Browser, path);

    public static TaskWhere Exchange(string path) => new(TaskPlace.Exchange, path);

    public static TaskWhere Terminal(string path) => new(TaskPlace.Terminal, path);
}
