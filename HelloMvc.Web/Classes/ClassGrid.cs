using HelloMvc.Web.TryIt.Tasks;

namespace HelloMvc.Web.Classes;

/// <summary>
/// What the teacher sees: a row per student (in the order they joined), a column per task grouped by the note's sections,
/// each cell the time the task was solved, if it was. One model for the page, its script's JSON and the CSV. With names
/// hidden, a row names "Student 1", "Student 2", …, and the students' names never leave the server.
/// </summary>
public sealed record ClassGrid(ClassRoster Class, bool NamesHidden, IReadOnlyList<TaskSection> Sections, IReadOnlyList<GridRow> Rows)
{
    /// <summary>Every column, in order.</summary>
    public IEnumerable<LessonTask> Tasks => Sections.SelectMany(section => section.Tasks);

    /// <summary>How many students solved the task.</summary>
    public int SolvedBy(string taskId) => Rows.Count(row => row.Solved.ContainsKey(taskId));

    /// <summary>What the page's script reads every few seconds: the rows and the counts, names as the page shows them.</summary>
    public object ToJson() => new
    {
        code = Class.Code.ToString(),
        students = Rows.Select(row => new { number = row.Number, name = row.Name, solved = row.Solved }),
        solvedBy = Tasks.ToDictionary(task => task.Id, task => SolvedBy(task.Id)),
    };
}

/// <summary>One student's row: its number, the name shown (its own, or "Student n"), and when it solved each task it solved.</summary>
public sealed record GridRow(int Number, string Name, IReadOnlyDictionary<string, DateTimeOffset> Solved);
