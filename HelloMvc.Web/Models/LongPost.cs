namespace HelloMvc.Web.Models;

/// <summary>The AJAX demos' long post: its id, its author and its opening paragraphs.</summary>
public sealed record LongPost(int Id, int AuthorId, string AuthorName, IReadOnlyList<string> Opening);
