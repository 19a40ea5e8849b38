using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

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

    /// <summary>
    /// The built site started as a web server in its own process (Production, a free loopback port), until disposed:
    /// for what only a real process shows, such as which assemblies it has loaded.
    /// </summary>
    public static async Task<Server> StartServerAsync()
    {
        // A port the system just handed out and took back; the server binds it a moment later.
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "HelloMvc.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new Server(process, new Uri($"http://127.0.0.1:{port}"));

        using var client = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + Limit;
        while (true)
        {
            try
            {
                using var ready = await client.GetAsync("/healthz");
                if (ready.IsSuccessStatusCode) return server;
            }
            catch (HttpRequestException) when (!process.HasExited && DateTime.UtcNow < deadline)
            {
            }
            if (process.HasExited || DateTime.UtcNow >= deadline)
            {
                await server.DisposeAsync();
                throw new TimeoutException($"The site did not answer on {server.BaseAddress} within {Limit.TotalSeconds} s");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>A running site process; disposing kills exactly this process and waits for it.</summary>
    public sealed class Server(Process process, Uri baseAddress) : IAsyncDisposable
    {
        public int Id => process.Id;

        public Uri BaseAddress { get; } = baseAddress;

        public async ValueTask DisposeAsync()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await process.WaitForExitAsync(timeout.Token);
            }
            process.Dispose();
        }
    }
}
