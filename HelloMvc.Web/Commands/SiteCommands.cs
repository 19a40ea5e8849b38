using System.CommandLine;
using HelloMvc.Web.Routing;
using Microsoft.Extensions.Logging.Console;

namespace HelloMvc.Web.Commands;

/// <summary>The site's command-line commands: Flask's `flask hello`, `flask routes`, `flask shell`.</summary>
public static class SiteCommands
{
    private static readonly string[] HelpWords = ["--help", "-h", "-?"];

    /// <summary>
    /// True when the first argument is a command word (or a request for help). Hosting's own
    /// arguments, such as the `--contentRoot=…` that WebApplicationFactory passes, and `key=value`
    /// settings are left to configuration and start the server as usual.
    /// </summary>
    public static bool Handles(string[] args) =>
        args is [var first, ..] && (HelpWords.Contains(first) || (!first.StartsWith('-') && !first.Contains('=')));

    /// <summary>A command's standard output is its answer (scripts read it), so when one runs, its logs go to standard error.</summary>
    public static IServiceCollection AddSiteCommands(this IServiceCollection services, string[] args) =>
        Handles(args)
            ? services.Configure<ConsoleLoggerOptions>(options => options.LogToStandardErrorThreshold = LogLevel.Trace)
            : services;

    public static Task<int> InvokeAsync(WebApplication app, string[] args)
    {
        var root = new RootCommand(
            "HelloMvc: the Flask study note's first two chapters, rebuilt with ASP.NET Core MVC.\n" +
            "Run with no command to start the site on http://127.0.0.1:5000 (change it with --urls).")
        {
            Hello(),
            Routes(app),
            ShellCommand.Create(app),
        };
        return root.Parse(args).InvokeAsync();
    }

    // A custom command, like Flask's @app.cli.command().
    private static Command Hello()
    {
        var command = new Command("hello", "Say hello to the human at the terminal.");
        command.SetAction(result => result.InvocationConfiguration.Output.WriteLine("Hello, Human!"));
        return command;
    }

    // `flask routes`: the same table as the /routes page. The server never starts, so routing has not
    // gathered the app's endpoint sources into its EndpointDataSource yet; read them from the app itself.
    private static Command Routes(IEndpointRouteBuilder app)
    {
        var command = new Command("routes", "Print the route table: endpoint, HTTP methods and rule of every route.");
        command.SetAction(result => result.InvocationConfiguration.Output.WriteLine(
            new RouteTable(new CompositeEndpointDataSource(app.DataSources)).ToText()));
        return command;
    }
}
