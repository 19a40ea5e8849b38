using HelloMvc.Tests.Infrastructure;
using HelloMvc.Web.Commands;

namespace HelloMvc.Tests.Commands;

public class SiteCommandsTests(SiteFactory site)
{
    [Fact]
    public async Task Hello_prints_Hello_Human_and_exits_0()
    {
        var result = await SiteProcess.RunAsync(["hello"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("Hello, Human!", result.Output.Trim());
    }

    [Fact]
    public async Task Routes_prints_the_same_table_as_the_routes_page()
    {
        var result = await SiteProcess.RunAsync(["routes"]);
        var page = await site.CreateClient().GetPageAsync("/routes");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Trim().Split('\n').Select(line => line.TrimEnd()).ToList();
        Assert.Matches(@"^Endpoint\s+Methods\s+Rule$", lines[0]);
        var printed = lines.Skip(1).Select(line => line.Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        var shown = page.Document.GetElementById("routes")!.ReadRows();
        Assert.Equal(shown.Select(row => string.Join(" | ", row)), printed.Select(row => string.Join(" | ", row)));
        Assert.Contains(printed, row => row is ["Hello.Greet", "GET", "/hello/greet/{name=Programmer}"]);
        Assert.Contains(printed, row => row is ["Exchange.Show", "GET", "/exchange"]);
        Assert.Contains(printed, row => row is ["StatusCodes.Index", "GET", "/http/status-codes"]);
    }

    [Fact]
    public async Task Help_lists_the_commands_and_how_to_start_the_server()
    {
        var result = await SiteProcess.RunAsync(["--help"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"(?m)^\s+hello\s+\S", result.Output);
        Assert.Matches(@"(?m)^\s+routes\s+\S", result.Output);
        Assert.Matches(@"(?m)^\s+shell\s+\S", result.Output);
        Assert.Contains("Run with no command to start the site on http://127.0.0.1:5000", result.Output);
    }

    [Fact]
    public async Task Unknown_command_prints_the_help_and_fails()
    {
        var result = await SiteProcess.RunAsync(["frobnicate"]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("frobnicate", result.Error);
        Assert.Contains("Commands:", result.Output);
    }

    [Theory]
    [InlineData(new[] { "hello" }, true)]
    [InlineData(new[] { "routes", "--verbose" }, true)]
    [InlineData(new[] { "--help" }, true)]
    [InlineData(new[] { "-h" }, true)]
    [InlineData(new[] { "anything" }, true)]
    [InlineData(new string[0], false)]
    [InlineData(new[] { "--contentRoot=/srv/site", "--environment=Development" }, false)]
    [InlineData(new[] { "--urls", "http://127.0.0.1:8080" }, false)]
    [InlineData(new[] { "urls=http://127.0.0.1:8080" }, false)]
    public void Only_a_command_word_or_help_is_taken_as_a_command(string[] args, bool isCommand) =>
        Assert.Equal(isCommand, SiteCommands.Handles(args));
}
