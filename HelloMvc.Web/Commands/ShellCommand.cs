using System.CommandLine;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.CSharp.Scripting.Hosting;
using Microsoft.CodeAnalysis.Scripting;

namespace HelloMvc.Web.Commands;

/// <summary>What a line typed into the shell can name, as `flask shell` hands over `app`.</summary>
public sealed class ShellGlobals(WebApplication app)
{
    public WebApplication App { get; } = app;
    public IServiceProvider Services => App.Services;
    public IConfiguration Configuration => App.Configuration;
    public IWebHostEnvironment Environment => App.Environment;
    public T GetService<T>() where T : notnull => Services.GetRequiredService<T>();
}

/// <summary>
/// `flask shell`: a C# prompt (Roslyn scripting) with the built app in scope. Like Python's console, the banner,
/// prompts and errors go to standard error and only values to standard output, so a piped script's output is its answers.
/// </summary>
public static class ShellCommand
{
    private static readonly string[] Imports =
    [
        "System", "System.Linq", "System.Collections.Generic", "System.Threading.Tasks",
        "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Routing",
        "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Hosting",
        typeof(HelloMvc.Web.LookingInside.Catalog.DemoCatalog).Namespace!, typeof(HelloMvc.Web.Routing.RouteTable).Namespace!,
    ];

    public static Command Create(WebApplication app)
    {
        var command = new Command("shell", "Run an interactive C# prompt with the app in scope (App, Services, Configuration, Environment, GetService<T>()).");
        command.SetAction(result => Run(app, Console.In, result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
        return command;
    }

    // Synchronous on purpose, like a console: an async method's state machine would hold Roslyn's types in its fields,
    // and the runtime loads those (Roslyn with them) whenever MVC scans the site's types at start, in the web server too.
    private static int Run(WebApplication app, TextReader input, TextWriter output, TextWriter error)
    {
        var options = ScriptOptions.Default
            .AddReferences(AppDomain.CurrentDomain.GetAssemblies().Where(assembly => !assembly.IsDynamic && assembly.Location != ""))
            .AddReferences(typeof(Program).Assembly)
            .AddImports(Imports);
        var globals = new ShellGlobals(app);
        // A terminal gets prompts; piped input is a script, read silently.
        var prompts = !Console.IsInputRedirected;
        WriteBanner(app, error);

        ScriptState<object>? state = null;
        while (true)
        {
            if (prompts)
            {
                error.Write(">>> ");
            }
            var line = input.ReadLine();
            if (line is null || line.Trim() is "exit" or "exit()")
            {
                return 0;
            }
            if (!string.IsNullOrWhiteSpace(line))
            {
                state = Evaluate(line, state, options, globals, output, error);
            }
        }
    }

    private static void WriteBanner(WebApplication app, TextWriter error)
    {
        error.WriteLine($"C# shell ({RuntimeInformation.FrameworkDescription}) — App: {app.Environment.ApplicationName}, Environment: {app.Environment.EnvironmentName}");
        error.WriteLine($"Content root: {app.Environment.ContentRootPath}");
        error.WriteLine("In scope: App, Services, Configuration, Environment, GetService<T>(). Type exit or end the input to leave.");
    }

    /// <summary>
    /// Runs one line as the next submission, which continues the last one, so its variables are still there; prints its
    /// value, or its errors. Answers the state to continue from: the last good one after an error.
    /// </summary>
    private static ScriptState<object>? Evaluate(
        string line, ScriptState<object>? state, ScriptOptions options, ShellGlobals globals, TextWriter output, TextWriter error)
    {
        try
        {
            state = (state is null ? CSharpScript.RunAsync(line, options, globals) : state.ContinueWithAsync(line, options))
                .GetAwaiter().GetResult();
            if (state.ReturnValue is { } value)
            {
                output.WriteLine(CSharpObjectFormatter.Instance.FormatObject(value));
            }
        }
        catch (CompilationErrorException compileError)
        {
            foreach (var diagnostic in compileError.Diagnostics)
            {
                error.WriteLine(CSharpDiagnosticFormatter.Instance.Format(diagnostic));
            }
        }
        catch (Exception thrown)
        {
            error.WriteLine($"{thrown.GetType().Name}: {thrown.Message}");
        }
        return state;
    }
}
