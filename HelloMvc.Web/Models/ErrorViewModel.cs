namespace HelloMvc.Web.Models;

/// <summary>The one error page: the status, its reason phrase, and the request id a 500 shows so the log can be searched.</summary>
public sealed record ErrorViewModel(int StatusCode, string ReasonPhrase, string RequestId)
{
    public bool IsServerError => StatusCode >= 500;
}
