namespace HelloMvc.Web.Models;

/// <summary>The hello page: whom to greet, and whether the session says the visitor logged in.</summary>
public sealed record HelloViewModel(string Name, bool IsAuthenticated);
