namespace HelloMvc.Web.Models;

/// <summary>A generated user's profile, as the post page's script shows it.</summary>
public sealed record Profile(string Username, string Bio);
