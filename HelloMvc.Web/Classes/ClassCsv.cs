using System.Globalization;
using System.Text;

namespace HelloMvc.Web.Classes;

/// <summary>
/// The grid as CSV (RFC 4180), for a spreadsheet: a header <c>student,{task id},…</c>, then a row per student whose solved
/// cells hold the time (UTC, ISO 8601). UTF-8 with a byte-order mark, without which Excel reads Chinese names as
/// mojibake. A cell a spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a carriage return) gets a
/// leading <c>'</c>; a cell with a comma, a quote or a line break is quoted.
/// </summary>
public static class ClassCsv
{
    public const string MediaType = "text/csv; charset=utf-8";

    public static byte[] Write(ClassGrid grid)
    {
        var tasks = grid.Tasks.Select(task => task.Id).ToList();
        var text = new StringBuilder();
        Line(text, tasks.Prepend("student"));
        foreach (var row in grid.Rows)
        {
            Line(text, tasks.Select(task => row.Solved.TryGetValue(task, out var at) ? Time(at) : "").Prepend(row.Name));
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>One cell, safe from formulas and quoted as it needs.</summary>
    public static string Cell(string value)
    {
        if (value is ['=' or '+' or '-' or '@' or '\t' or '\r', ..]) value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }

    private static void Line(StringBuilder text, IEnumerable<string> cells) => text.AppendJoin(',', cells.Select(Cell)).Append("\r\n");

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
