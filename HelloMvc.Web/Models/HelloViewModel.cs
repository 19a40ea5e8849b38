namespace HelloMvc.Web.Models;

/// <summary>Where the hello page found the name this time.</summary>
public enum NameSource { Query, Cookie, Default }

/// <summary>The hello page: whom to greet, where that name came from, and whether the session says the visitor logged in.</summary>
public sealed record HelloViewModel(string Name, NameSource Source, bool IsAuthenticated);
