using HelloMvc.Web.TryIt.Progress;
using HelloMvc.Web.TryIt.Tasks;

namespace HelloMvc.Web.TryIt;

/// <summary>One task as a list item: on a lesson page without state (the page is the same for everyone, and its script
/// fills the state in), on /progress with this learner's solve or latest near miss, and a link to its lesson.</summary>
public sealed record TaskItem(LessonTask Task, TaskEvidence? Solved = null, NearMiss? NearMiss = null, bool LinksLesson = false);
