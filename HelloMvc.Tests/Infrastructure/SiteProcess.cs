using System.Diagnostics;

namespace HelloMvc.Tests.Infrastructure;

/// <summary>The site's built entry point run as its own process, the way `dotnet run -- hello` runs it.</summary>
public static class SiteProcess
{
    public sealed record Result(int ExitCode, string Output, string Error);

    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    public static async Task<Result> RunAsync(string[] args, string? input = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "HelloMvc.Web.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null) await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();

        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{string.Join(' ', args)}' still ran after {Limit.TotalSeconds} s (did a server start?)");
        }
        return new Result(process.ExitCode, await output, await error);
    }
}
