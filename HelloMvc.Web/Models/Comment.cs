namespace HelloMvc.Web.Models;

/// <summary>One generated comment on a post.</summary>
public sealed record Comment(string Author, string Text);
