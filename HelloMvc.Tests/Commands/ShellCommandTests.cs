using HelloMvc.Tests.Infrastructure;

namespace HelloMvc.Tests.Commands;

public class ShellCommandTests
{
    [Fact]
    public async Task Shell_prints_a_banner_then_the_value_of_each_expression_and_exits_0_at_exit()
    {
        var result = await SiteProcess.RunAsync(["shell"], "App.Environment.EnvironmentName\nexit\nApp.Environment.ApplicationName\n");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("App: HelloMvc.Web, Environment: Production", result.Error);
        // Values go to standard output, one per expression; nothing is read after exit.
        Assert.Equal(["\"Production\""], OutputLines(result));
    }

    [Fact]
    public async Task Shell_reports_errors_and_carries_on_with_its_variables_until_the_input_ends()
    {
        var result = await SiteProcess.RunAsync(["shell"], string.Join('\n',
            "var answer = 6 * 7;",
            "nosuchname",
            "throw new InvalidOperationException(\"boom\");",
            "answer",
            "GetService<IWebHostEnvironment>().ApplicationName",
            "Configuration[\"Logging:LogLevel:Default\"]",
            "Console.WriteLine(Environment.EnvironmentName)"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("error CS0103: The name 'nosuchname' does not exist in the current context", result.Error);
        Assert.Contains("InvalidOperationException: boom", result.Error);
        Assert.Equal(["42", "\"HelloMvc.Web\"", "\"Information\"", "Production"], OutputLines(result));
    }

    private static string[] OutputLines(SiteProcess.Result result) =>
        result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
