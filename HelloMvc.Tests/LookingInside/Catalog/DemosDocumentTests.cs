using System.Text.RegularExpressions;
using HelloMvc.Tests.Infrastructure;
using HelloMvc.Web.LookingInside.Catalog;

namespace HelloMvc.Tests.LookingInside.Catalog;

/// <summary>docs/DEMOS.md restates the catalogue for a reader without the site running: it stays in step with it.</summary>
public partial class DemosDocumentTests
{
    // A request as DEMOS.md's tables write it, in code: `GET /hello/greet/{name}`, `GET /http/cookie/set?name=…`, or a
    // bare path for a GET (`/http/note/pdf`).
    [GeneratedRegex(@"`(?:(?<method>[A-Z]+) )?(?<path>/[^`?#\s]*)[^`]*`")]
    private static partial Regex NamedRequest();

    // A route value in an escaped path (\{name}, \{postId}) stands for one segment; a catch-all (\{\*\*subpath}) for the rest.
    [GeneratedRegex(@"\\\{(?<all>(?:\\\*)+)?\w+}")]
    private static partial Regex Placeholder();

    /// <summary>The requests the rows of DEMOS.md's tables name, each path template as a pattern.</summary>
    private static IReadOnlyList<(string Method, Regex Path)> DocumentedRequests() =>
        RepositorySources.Lines("docs/DEMOS.md")
            .Where(line => line.StartsWith("| ", StringComparison.Ordinal))
            .SelectMany(line => NamedRequest().Matches(line))
            .Select(named => (named.Groups["method"].Success ? named.Groups["method"].Value : "GET", Pattern(named.Groups["path"].Value)))
            .ToList();

    private static Regex Pattern(string template) =>
        new($"^{Placeholder().Replace(Regex.Escape(template), value => value.Groups["all"].Success ? ".+" : "[^/]+")}$");

    [Fact]
    public void DEMOS_md_names_every_demo_of_the_catalogue_in_its_tables()
    {
        var documented = DocumentedRequests();

        var missing = DemoCatalog.All
            .Where(demo => !documented.Any(row => row.Method == demo.Method && row.Path.IsMatch(demo.PathOnly)))
            .Select(demo => $"{demo.Method} {demo.Path}");

        Assert.Empty(missing);
    }

    [Fact]
    public void Rows_are_read_with_their_route_values_as_segments()
    {
        var documented = DocumentedRequests();

        Assert.Contains(documented, row => row.Method == "GET" && row.Path.IsMatch("/hello/greet/Grey"));
        Assert.Contains(documented, row => row.Method == "DELETE" && row.Path.IsMatch("/http/post/delete/1"));
        Assert.Contains(documented, row => row.Method == "GET" && row.Path.IsMatch("/http/path/a/b/c"));
        Assert.DoesNotContain(documented, row => row.Path.IsMatch("/hello/greet/Grey/more"));
    }
}
