namespace HelloMvc.Web.LookingInside.Catalog;

/// <summary>
/// One section of a chapter: its English title, the heading of the study note's section it rebuilds (in the note's own
/// words), its demos, and the commands a learner types for it.
/// </summary>
public sealed record Section(string Title, string Note, IReadOnlyList<Demo> Demos, IReadOnlyList<CommandDemo>? Commands = null);
