using HelloMvc.Web.TryIt.Progress;
using HelloMvc.Web.TryIt.Tasks;

namespace HelloMvc.Web.Classes;

/// <summary>
/// Makes a class's grid from its students and their progress, which the progress store keeps under each learner's id
/// (in Redis, for every instance): what each student made the server do, with nobody handing anything in.
/// </summary>
public sealed class ClassGrids(IProgressStore progress)
{
    public async Task<ClassGrid> ForAsync(ClassRoster taught, bool hideNames, CancellationToken cancellation)
    {
        // The students' records are read at once: with Redis, one round trip's worth of time for the whole class.
        var records = await Task.WhenAll(taught.Students.Select(student => progress.GetAsync(student.LearnerId, cancellation)));
        var rows = taught.Students.Zip(records, (student, record) => new GridRow(
            student.Number,
            hideNames ? $"Student {student.Number}" : student.Name,
            record.Solved.ToDictionary(solve => solve.Key, solve => solve.Value.At)));
        return new ClassGrid(taught, hideNames, TaskCatalog.BySection, [.. rows]);
    }
}
