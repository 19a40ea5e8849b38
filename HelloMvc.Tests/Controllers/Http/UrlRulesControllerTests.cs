using System.Net;
using HelloMvc.Tests.Infrastructure;

namespace HelloMvc.Tests.Controllers.Http;

public class UrlRulesControllerTests(SiteFactory site, KestrelSite wire)
{
    private readonly HttpClient _client = site.CreateNoRedirectClient();

    [Theory]
    [InlineData(34, "Welcome to 1992!")]
    [InlineData(0, "Welcome to 2026!")]
    [InlineData(2026, "Welcome to 0!")]
    public async Task GoBack_subtracts_the_year_from_the_injected_clocks_year(int year, string welcome)
    {
        var page = await _client.GetPageAsync($"/http/goback/{year}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(welcome, page.Text("main h1"));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("99999999999")]
    [InlineData("1.5")]
    [InlineData("%20")]
    public async Task GoBack_is_404_when_the_constraint_rejects_the_year(string year)
    {
        var page = await _client.GetPageAsync($"/http/goback/{year}");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("404 Not Found", page.Text("main h1"));
    }

    [Theory]
    [InlineData("blue")]
    [InlineData("white")]
    [InlineData("red")]
    public async Task Colors_answers_the_listed_colours_with_the_verse(string color)
    {
        var page = await _client.GetPageAsync($"/http/colors/{color}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Love is patient and kind. Love is not jealous or boastful or proud or rude.", page.Text("main p.verse"));
    }

    [Theory]
    [InlineData("green")]
    [InlineData("bluegreen")]
    [InlineData("%3Cscript%3E")]
    public async Task Colors_is_404_for_any_other_colour(string color)
    {
        var response = await _client.GetAsync($"/http/colors/{color}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Colors_links_every_colour_of_the_one_list()
    {
        var page = await _client.GetPageAsync("/http/colors/blue");

        var links = page.Document.QuerySelectorAll("main a[href^='/http/colors/']:not(nav a)").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(HelloMvc.Web.Routing.ColorRouteConstraint.Colors.Select(c => $"/http/colors/{c}").Append("/http/colors/green"), links);
    }

    [Theory]
    [InlineData("3.5", "Half of 3.5 is 1.75.")]
    [InlineData("-2", "Half of -2 is -1.")]
    [InlineData("0.25", "Half of 0.25 is 0.125.")]
    [InlineData("0", "Half of 0 is 0.")]
    [InlineData("007.50", "Half of 7.5 is 3.75.")]
    public async Task Half_halves_a_decimal_number_in_invariant_form(string number, string half)
    {
        var page = await _client.GetPageAsync($"/http/half/{number}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(half, page.Text("main h1"));
    }

    public static TheoryData<string> NotDecimalNumbers =>
        ["abc", "NaN", "nan", "Infinity", "-Infinity", "%E2%88%9E", "1e999", "1e3", "3,5", "1,000", "3.", ".5", "+3", "--1", "0x10", "%20", "3.5%20", "%203.5",
         "%D9%A3", new string('9', 400), "1_000"];

    [Theory]
    [MemberData(nameof(NotDecimalNumbers))]
    public async Task Half_is_404_for_anything_but_a_finite_decimal_number(string number)
    {
        var page = await _client.GetPageAsync($"/http/half/{number}");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Equal("404 Not Found", page.Text("main h1"));
    }

    [Fact]
    public async Task Half_reads_the_number_the_invariant_way_whatever_the_servers_culture()
    {
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
        try
        {
            var constraint = new HelloMvc.Web.Routing.DecimalNumberRouteConstraint();
            bool Matches(string text) => constraint.Match(null, null, "number", new() { ["number"] = text }, Microsoft.AspNetCore.Routing.RouteDirection.IncomingRequest);

            Assert.True(Matches("3.5"));
            Assert.False(Matches("3,5"));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }

    [Theory]
    [InlineData("a/b/c", "You asked for a/b/c.")]
    [InlineData("one", "You asked for one.")]
    [InlineData("a/b/c/", "You asked for a/b/c/.")]
    [InlineData("Zo%C3%AB/%E5%90%8D", "You asked for Zoë/名.")]
    [InlineData("a%2Fb", "You asked for a/b.")]
    [InlineData("%3Cb%3Ebold%3C%2Fb%3E", "You asked for <b>bold</b>.")]
    public async Task Path_takes_the_rest_of_the_URL_slashes_included_as_text(string rest, string shows)
    {
        var page = await _client.GetPageAsync($"/http/path/{rest}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(shows, page.Text("main h1"));
        Assert.Empty(page.Document.QuerySelectorAll("main h1 b"));
    }

    [Theory]
    [InlineData("/http/path")]
    [InlineData("/http/path/")]
    public async Task Path_with_nothing_after_it_is_404(string url)
    {
        var response = await _client.GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("3FA85F64-5717-4562-B3FC-2C963F66AFA6")]
    [InlineData("3fa85f64-5717-4562-b3fc-2c963f66afa6")]
    [InlineData("3fa85f6457174562b3fc2c963f66afa6")]
    public async Task Item_shows_the_uuid_in_canonical_lower_case(string id)
    {
        var page = await _client.GetPageAsync($"/http/item/{id}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Item 3fa85f64-5717-4562-b3fc-2c963f66afa6.", page.Text("main h1"));
    }

    [Theory]
    [InlineData("not-a-uuid")]
    [InlineData("3fa85f64-5717-4562-b3fc-2c963f66afa")]
    [InlineData("3fa85f64-5717-4562-b3fc-2c963f66afa6x")]
    [InlineData("3fa85f64-5717-4562-b3fc-2c963f66afg6")]
    [InlineData("%20")]
    public async Task Item_is_404_for_anything_but_a_uuid(string id)
    {
        var page = await _client.GetPageAsync($"/http/item/{id}");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
    }

    [Fact]
    public async Task Converters_sets_the_notes_six_converters_beside_their_constraints_each_linked_to_a_demo_that_answers()
    {
        var page = await _client.GetPageAsync("/http/converters");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var rows = page.Document.QuerySelectorAll("#converters tbody tr").ToList();
        Assert.Equal(["string", "int", "float", "path", "any", "uuid"], rows.Select(row => row.QuerySelector("th")!.TextContent.Trim()));
        Assert.Contains("{number:decimalnumber}", rows[2].TextContent);
        Assert.Contains("{**subpath}", rows[3].TextContent);
        Assert.Contains("{id:guid}", rows[5].TextContent);
        var links = rows.Select(row => row.QuerySelector("a[href]")!.GetAttribute("href")!).ToList();
        Assert.Equal(["/hello/greet/Grey", "/http/goback/34", "/http/half/3.5", "/http/path/a/b/c", "/http/colors/blue", "/http/item/3fa85f64-5717-4562-b3fc-2c963f66afa6"], links);
        foreach (var link in links)
        {
            Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(link, TestContext.Current.CancellationToken)).StatusCode);
        }
    }

    [Theory]
    [InlineData("/http/half/3.5", 200, "Half of 3.5 is 1.75.")]
    [InlineData("/http/half/NaN", 404, "404 Not Found")]
    [InlineData("/http/half/1e999", 404, "404 Not Found")]
    [InlineData("/http/half/3,5", 404, "404 Not Found")]
    [InlineData("/http/path/a/b/c", 200, "You asked for a/b/c.")]
    [InlineData("/http/path/%3Cscript%3E/%E2%80%A8", 200, "You asked for <script>/\u2028.")]
    [InlineData("/http/item/3FA85F64-5717-4562-B3FC-2C963F66AFA6", 200, "Item 3fa85f64-5717-4562-b3fc-2c963f66afa6.")]
    [InlineData("/http/item/not-a-uuid", 404, "404 Not Found")]
    [InlineData("/http/converters", 200, "URL converters and route constraints")]
    public async Task The_converter_demos_answer_the_same_on_the_wire(string url, int status, string heading)
    {
        var page = await wire.CreateWireClient().GetPageAsync(url);

        Assert.Equal(status, (int)page.Status);
        Assert.Equal(heading, page.Text("main h1"));
        // The only scripts are the site's own files: none came from the learner's input.
        Assert.All(page.Document.Scripts, script => Assert.StartsWith("/js/", script.Source));
    }
}
