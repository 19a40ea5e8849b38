namespace HelloMvc.Web.LookingInside.Catalog;

/// <summary>A chapter of the index: its anchor id on the index, its title and its sections.</summary>
public sealed record Chapter(string Id, string Title, IReadOnlyList<Section> Sections);
