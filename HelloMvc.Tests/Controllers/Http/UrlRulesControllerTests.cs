using System.Net;
using HelloMvc.Tests.Infrastructure;

namespace HelloMvc.Tests.Controllers.Http;

public class UrlRulesControllerTests(SiteFactory site)
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
}
