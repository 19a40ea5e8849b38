namespace HelloMvc.Web.LookingInside.Catalog;

/// <summary>A demo of the index with its place: its chapter and the study note's section it rebuilds.</summary>
public sealed record PlacedDemo(Chapter Chapter, Section Section, Demo Demo)
{
    /// <summary>The section's anchor on the index: the chapter's id and the section's title, in lowercase words.</summary>
    public string SectionAnchor => LessonPath.Anchor(Chapter, Section);
}
