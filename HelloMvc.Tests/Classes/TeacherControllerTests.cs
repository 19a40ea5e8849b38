using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using HelloMvc.Tests.Infrastructure;

namespace HelloMvc.Tests.Classes;

/// <summary>
/// The teacher's side of a class on the wire: the grid, its JSON and CSV show exactly what the students solved, names
/// encoded everywhere; only the key opens them (cookie or link), never a student's browser or a stranger; remove and close.
/// </summary>
public class TeacherControllerTests(KestrelSite site)
{
    private const string Chinese = "王小明";
    private const string Markup = "<b>Bold</b> & Co";
    private const string Formula = "=SUM(A1:A9)";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>A class with three students, each of whom made the server do different tasks.</summary>
    private async Task<(ClassVisitor Teacher, StartedClass Class, ClassVisitor[] Students)> ClassThatSolvedAsync()
    {
        var teacher = ClassVisitor.On(site);
        var started = await teacher.StartAsync();
        var students = new[] { ClassVisitor.On(site), ClassVisitor.On(site), ClassVisitor.On(site) };
        await students[0].JoinedAsync(started.Code, Chinese);
        await students[1].JoinedAsync(started.Code, Markup);
        await students[2].JoinedAsync(started.Code, Formula);
        Assert.Equal(HttpStatusCode.OK, await students[0].SendAsync(HttpMethod.Get, "/hello/greet/Ann"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, await students[1].SendAsync(HttpMethod.Put, "/http/methods"));
        Assert.Equal((HttpStatusCode)418, await students[1].SendAsync(HttpMethod.Get, "/http/brew/coffee"));
        Assert.Equal(HttpStatusCode.OK, await students[2].SendAsync(HttpMethod.Get, "/http/note/json"));
        return (teacher, started, students);
    }

    private static Dictionary<string, string[]> SolvedByName(Page grid) =>
        grid.Document.QuerySelectorAll("table.class-grid tbody tr").ToDictionary(
            row => row.QuerySelector("th")!.TextContent,
            row => row.QuerySelectorAll("td[data-solved='true']").Select(cell => cell.GetAttribute("data-task")!).ToArray());

    private static int SolvedCount(Page grid, string task) =>
        int.Parse(grid.Document.QuerySelector($"table.class-grid tfoot td[data-task='{task}']")!.TextContent);

    [Fact]
    public async Task The_grid_and_the_CSV_show_exactly_the_tasks_each_of_three_students_solved_with_their_names_encoded()
    {
        var (teacher, started, _) = await ClassThatSolvedAsync();

        var grid = await teacher.Client.GetPageAsync(started.TeacherPath);
        Assert.Equal(HttpStatusCode.OK, grid.Status);
        Assert.True(grid.Response.Headers.CacheControl?.NoStore, "the grid is never kept");
        var solved = SolvedByName(grid);
        Assert.Equal([Chinese, Markup, Formula], solved.Keys);
        Assert.Equal(["greet-name"], solved[Chinese]);
        Assert.Equal(["methods-405", "brew-418"], solved[Markup]);
        Assert.Equal(["note-json"], solved[Formula]);
        // The markup is text: no element came from a name.
        Assert.Empty(grid.Document.QuerySelectorAll("table.class-grid tbody th b"));
        Assert.Equal(1, SolvedCount(grid, "greet-name"));
        Assert.Equal(1, SolvedCount(grid, "brew-418"));
        Assert.Equal(0, SolvedCount(grid, "delete-204"));
        // Columns grouped by the note's sections, in its words.
        Assert.Contains(grid.Document.QuerySelectorAll("th.grid-section .note-section"), header => header.TextContent == "Cookie");
        Assert.Contains(grid.Document.QuerySelectorAll("th.grid-section .note-section"), header => header.TextContent == "设置监听的HTTP方法");

        var csv = await teacher.Client.GetAsync(started.TeacherPath + ".csv", Cancel);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv; charset=utf-8", csv.Content.Headers.ContentType?.ToString());
        var bytes = await csv.Content.ReadAsByteArrayAsync(Cancel);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        Assert.Equal("student", header[0]);
        Assert.Contains("greet-name", header);
        var rows = lines[1..].Select(line => line.Split(',')).ToDictionary(cells => cells[0]);
        Assert.Equal(["'" + Formula, Markup, Chinese], rows.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, tasks) in new[] { (Chinese, solved[Chinese]), (Markup, solved[Markup]), ("'" + Formula, solved[Formula]) })
        {
            var solvedColumns = header.Select((task, column) => (task, cell: rows[name][column])).Skip(1).Where(pair => pair.cell.Length > 0).ToList();
            Assert.Equal(tasks.Order(), solvedColumns.Select(pair => pair.task).Order());
            Assert.All(solvedColumns, pair => Assert.Equal("2026-06-01T12:00:00Z", pair.cell));
        }
    }

    [Fact]
    public async Task The_grid_as_JSON_is_what_the_page_script_reads_and_hidden_names_never_leave_the_server()
    {
        var (teacher, started, _) = await ClassThatSolvedAsync();

        using var request = new HttpRequestMessage(HttpMethod.Get, started.TeacherPath);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var response = await teacher.Client.SendAsync(request, Cancel);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.DoesNotContain("<b>", text);
        using var json = JsonDocument.Parse(text);
        var students = json.RootElement.GetProperty("students").EnumerateArray().ToList();
        Assert.Equal([Chinese, Markup, Formula], students.Select(student => student.GetProperty("name").GetString()));
        Assert.Equal("2026-06-01T12:00:00+00:00", students[0].GetProperty("solved").GetProperty("greet-name").GetString());
        Assert.Equal(1, json.RootElement.GetProperty("solvedBy").GetProperty("brew-418").GetInt32());

        var hidden = await teacher.Client.GetPageAsync(started.TeacherPath + "?names=hidden");
        Assert.Equal(["Student 1", "Student 2", "Student 3"], SolvedByName(hidden).Keys);
        var page = hidden.Document.DocumentElement.OuterHtml;
        Assert.DoesNotContain(Chinese, page);
        Assert.DoesNotContain("Bold", page);
        Assert.Contains("names=hidden", hidden.Document.QuerySelector("#class-grid")!.GetAttribute("data-poll"));
        Assert.Equal("Show the names", hidden.Text("a.names-switch"));
    }

    [Fact]
    public async Task A_students_browser_a_stranger_and_a_wrong_key_get_403_and_the_key_link_opens_the_grid_in_a_new_browser()
    {
        using var teacher = ClassVisitor.On(site);
        var started = await teacher.StartAsync();
        using var student = ClassVisitor.On(site);
        await student.JoinedAsync(started.Code, "Ann");
        using var stranger = ClassVisitor.On(site);
        var wrongKey = started.Key[..^1] + (started.Key[^1] == 'A' ? 'B' : 'A');

        foreach (var (who, url) in new[]
                 {
                     (student, started.TeacherPath), (student, started.TeacherPath + ".csv"),
                     (stranger, started.TeacherPath), (stranger, started.TeacherPath + $"?key={wrongKey}"),
                     (stranger, started.TeacherPath + ".csv?key=" + wrongKey), (stranger, started.TeacherPath + "?key="),
                 })
        {
            var refused = await who.Client.GetPageAsync(url);
            Assert.True(refused.Status == HttpStatusCode.Forbidden, $"{url}: {(int)refused.Status}");
            Assert.Empty(refused.Document.QuerySelectorAll("table.class-grid"));
        }
        // Nor can a student close the class with an antiforgery token of its own.
        var token = (await student.Client.GetPageAsync($"/class/{started.Code}")).Document
            .QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var close = await student.Client.PostAsync($"/class/{started.Code}/close",
            new FormUrlEncodedContent([KeyValuePair.Create("__RequestVerificationToken", token)]), Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, close.StatusCode);

        // Another device: the link trades its key for the cookie and leaves the address bar without it.
        using var otherDevice = ClassVisitor.On(site);
        var opened = await otherDevice.Client.GetAsync(started.KeyLink.PathAndQuery, Cancel);
        Assert.Equal(HttpStatusCode.SeeOther, opened.StatusCode);
        Assert.Equal(started.TeacherPath, opened.Headers.Location?.OriginalString);
        var cookie = opened.SetCookie(".HelloMvc.Teacher").Split("; ");
        Assert.Contains("httponly", cookie);
        Assert.Contains($"path=/class/{started.Code}", cookie);
        var grid = await otherDevice.Client.GetPageAsync(started.TeacherPath);
        Assert.Equal(HttpStatusCode.OK, grid.Status);
        Assert.Equal(["Ann"], SolvedByName(grid).Keys);
        Assert.Empty(grid.Document.QuerySelectorAll("a.key-link")); // shown once, to the browser that started the class
        // The CSV answers the key itself, for a script or a spreadsheet's import.
        using var script = ClassVisitor.On(site);
        var csv = await script.Client.GetAsync(started.TeacherPath + ".csv?key=" + started.Key, Cancel);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);

        // The key never reached the log: not the teardown line of the link, nor any other.
        Assert.DoesNotContain(site.Logs.GetSnapshot(), record =>
            record.Message.Contains(started.Key, StringComparison.Ordinal)
            || record.StructuredState?.Any(pair => pair.Value?.Contains(started.Key, StringComparison.Ordinal) == true) == true);
    }

    [Fact]
    public async Task The_teacher_removes_a_student_then_closes_the_class_and_its_code_is_404()
    {
        var (teacher, started, students) = await ClassThatSolvedAsync();
        var grid = await teacher.Client.GetPageAsync(started.TeacherPath);

        var removed = await teacher.Client.SubmitAsync(grid, "tr[data-student='2'] form");
        Assert.Equal(HttpStatusCode.SeeOther, removed.Status);
        grid = await teacher.Client.GetPageAsync(started.TeacherPath);
        Assert.Equal([Chinese, Formula], SolvedByName(grid).Keys);
        Assert.Equal(0, SolvedCount(grid, "brew-418"));
        Assert.Equal("no-class", (await students[1].Client.GetPageAsync("/progress")).Document.QuerySelector("#class p")!.ClassName);
        var token = grid.Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var nobody = await teacher.Client.PostAsync($"/class/{started.Code}/students/99/remove",
            new FormUrlEncodedContent([KeyValuePair.Create("__RequestVerificationToken", token)]), Cancel);
        Assert.Equal(HttpStatusCode.NotFound, nobody.StatusCode);

        var closed = await teacher.Client.SubmitAsync(grid, ".close-class form");
        Assert.Equal(HttpStatusCode.SeeOther, closed.Status);
        Assert.Equal("/class", closed.Response.Headers.Location?.OriginalString);
        Assert.StartsWith(".HelloMvc.Teacher=;", closed.Response.SetCookie(".HelloMvc.Teacher"));
        var gone = await students[0].Client.GetPageAsync($"/class/{started.Code}");
        Assert.Equal(HttpStatusCode.NotFound, gone.Status);
        Assert.NotNull(gone.Document.QuerySelector("#join form"));
        Assert.Equal(HttpStatusCode.NotFound, (await teacher.Client.GetAsync(started.KeyLink.PathAndQuery, Cancel)).StatusCode);
        Assert.Equal("no-class", (await students[0].Client.GetPageAsync("/progress")).Document.QuerySelector("#class p")!.ClassName);
    }

    [Fact]
    public async Task A_teacher_URL_typed_in_lower_case_goes_to_the_one_the_cookie_is_for()
    {
        using var teacher = ClassVisitor.On(site);
        var started = await teacher.StartAsync();

        var lower = await teacher.Client.GetAsync(started.TeacherPath.ToLowerInvariant() + "?names=hidden", Cancel);

        Assert.Equal(HttpStatusCode.SeeOther, lower.StatusCode);
        Assert.Equal(started.TeacherPath + "?names=hidden", lower.Headers.Location?.OriginalString);
    }
}
