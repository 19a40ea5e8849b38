using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using HelloMvc.Tests.Cluster;
using HelloMvc.Tests.Infrastructure;

namespace HelloMvc.Tests.Deploy;

/// <summary>
/// deploy/cluster.sh as a teacher runs it, `up`, `status` and `down`, on the ports deploy/nginx.conf names. The
/// script's files go to a temp folder (RUN_DIR), and the site it runs is the one this test project built
/// (PUBLISH_DIR, SKIP_PUBLISH=1), as the cluster fixture's is, so the test never publishes. The ports are fixed, so the
/// test fails, saying which, when one is taken; and it always ends with `down`.
/// </summary>
public sealed class ClusterScriptTests : IAsyncDisposable
{
    private const string PathBase = "/hellomvc";
    private const int NginxPort = 8080, RedisPort = 6380;
    private static readonly int[] InstancePorts = [5101, 5102];
    private static readonly string[] Parts = ["redis", "instance-1", "instance-2", "nginx"];
    private static readonly string Url = $"http://127.0.0.1:{NginxPort}{PathBase}/";
    private static readonly TimeSpan ScriptLimit = TimeSpan.FromSeconds(120);

    private readonly HttpClient _client = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { Timeout = TimeSpan.FromSeconds(30) };
    private readonly List<RecordedProcess> _started = [];
    private string? _run;

    private sealed record Result(int ExitCode, string Output, string Error)
    {
        public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Output}\n--- stderr ---\n{Error}";
    }

    /// <summary>A process as the script records it: its pid and when it started (field 22 of /proc/PID/stat).</summary>
    private sealed record RecordedProcess(string Part, int Pid, string StartedAt)
    {
        /// <summary>Whether that very process still runs (not gone, not a zombie, its pid not reused).</summary>
        public bool Runs => Stat(Pid) is { } fields && fields[0] != "Z" && fields[19] == StartedAt;
    }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Up_serves_the_site_through_nginx_and_down_stops_everything()
    {
        RequiredPrograms.Require(RequiredPrograms.Missing("deploy/cluster.sh's test", "redis-server", "nginx", "curl", "openssl"));
        var config = File.ReadAllText(Path.Combine(RepositorySources.Root, "deploy", "nginx.conf"));
        Assert.Contains($"listen 127.0.0.1:{NginxPort};", config);
        foreach (var port in InstancePorts) Assert.Contains($"server 127.0.0.1:{port};", config);
        foreach (var port in InstancePorts.Append(NginxPort).Append(RedisPort))
            Assert.False(Answers(port), $"127.0.0.1:{port} is in use, and deploy/cluster.sh runs on fixed ports: stop what holds it (a cluster of your own: deploy/cluster.sh down)");
        _run = Directory.CreateTempSubdirectory("hellomvc-cluster-script-").FullName;

        // Twice: the second `up` starts every part again right after a `down`, as a class's second day does.
        for (var round = 1; round <= 2; round++)
        {
            var up = await ScriptAsync("up", Cancel);
            Assert.True(up.ExitCode == 0, $"round {round}: up failed: {up}\n{Logs()}");
            Assert.Contains($"HelloMvc is up: {Url}", up.Output);

            var recorded = Recorded();
            Assert.Equal(Parts, recorded.Select(process => process.Part));
            AssertProgram(recorded[0], "redis-server");
            AssertProgram(recorded[1], "dotnet");
            AssertProgram(recorded[2], "dotnet");
            AssertProgram(recorded[3], "nginx");
            // nginx's workers are the master's children: `down` must end them too.
            var workers = Children(recorded[3].Pid).Select(pid => new RecordedProcess("nginx worker", pid, Stat(pid)![19])).ToList();
            Assert.NotEmpty(workers);
            _started.AddRange(recorded.Concat(workers));

            using (var hello = await _client.GetAsync(Url + "hello", Cancel))
                Assert.True(hello.StatusCode == HttpStatusCode.OK, $"round {round}: {Url}hello answered {(int)hello.StatusCode}\n{Logs()}");
            using (var ready = await _client.GetAsync(Url + "healthz/ready", Cancel))
            {
                Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
                Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync(Cancel));
            }

            var status = await ScriptAsync("status", Cancel);
            AssertSays(status, [.. recorded.Select(process => $"{process.Part}: running (pid {process.Pid})"),
                "instance-1 readiness: 200", "instance-2 readiness: 200", $"through nginx: {Url}: 200"]);

            var again = await ScriptAsync("up", Cancel);
            Assert.True(again.ExitCode != 0, $"a second up while up: {again}");
            Assert.Contains("the cluster is already up", again.Error);

            var down = await ScriptAsync("down", Cancel);
            Assert.True(down.ExitCode == 0, $"round {round}: down failed: {down}");
            Assert.Contains("the cluster is down", down.Output);
            // Stopped by TERM, or, had one not stopped within 10 s, killed: either way, this very process.
            foreach (var process in recorded)
                Assert.Matches($@"(stopped|killed) {process.Part} \(pid {process.Pid}\)", down.Output);
            var stillRunning = _started.Where(process => process.Runs).ToList();
            Assert.True(stillRunning.Count == 0, $"round {round}: still running after down: {string.Join(", ", stillRunning)}");
            foreach (var port in InstancePorts.Append(NginxPort).Append(RedisPort))
                Assert.False(Answers(port), $"round {round}: 127.0.0.1:{port} still answers after down");

            status = await ScriptAsync("status", Cancel);
            AssertSays(status, [.. Parts.Select(part => $"{part}: not running"),
                "instance-1 readiness: nothing listens there", "instance-2 readiness: nothing listens there",
                $"through nginx: {Url}: nothing listens there"]);
        }
    }

    private async Task<Result> ScriptAsync(string command, CancellationToken cancel)
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = RepositorySources.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(RepositorySources.Root, "deploy", "cluster.sh"));
        start.ArgumentList.Add(command);
        start.Environment["RUN_DIR"] = _run;
        start.Environment["PUBLISH_DIR"] = AppContext.BaseDirectory;
        start.Environment["SKIP_PUBLISH"] = "1";
        start.Environment["REDIS_PORT"] = RedisPort.ToString();

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var output = process.StandardOutput.ReadToEndAsync(cancel);
        var error = process.StandardError.ReadToEndAsync(cancel);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        limit.CancelAfter(ScriptLimit);
        try
        {
            await process.WaitForExitAsync(limit.Token);
            return new Result(process.ExitCode, await output, await error);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"deploy/cluster.sh {command} still ran after {ScriptLimit.TotalSeconds} s\n{Logs()}");
        }
    }

    /// <summary>Whether `status` exited 0 and said each of the lines, whole.</summary>
    private static void AssertSays(Result status, string[] lines)
    {
        var said = status.Output.Split('\n');
        var missing = lines.Where(line => !said.Contains(line)).ToList();
        Assert.True(status.ExitCode == 0 && missing.Count == 0, $"status did not say {string.Join(" | ", missing)}: {status}");
    }

    /// <summary>The pid files the script holds, in the order of <see cref="Parts"/>.</summary>
    private List<RecordedProcess> Recorded() =>
        Parts.Where(part => File.Exists(Path.Combine(_run!, part + ".pid"))).Select(part =>
        {
            var fields = File.ReadAllText(Path.Combine(_run!, part + ".pid")).Split(' ', StringSplitOptions.TrimEntries);
            return new RecordedProcess(part, int.Parse(fields[0]), fields[1]);
        }).ToList();

    private static void AssertProgram(RecordedProcess process, string program)
    {
        Assert.True(process.Runs, $"{process} does not run");
        var exe = new FileInfo($"/proc/{process.Pid}/exe").ResolveLinkTarget(returnFinalTarget: false)!.FullName;
        var expected = new FileInfo(RequiredPrograms.Find(program)!);
        var resolved = expected.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? expected.FullName;
        Assert.True(exe == resolved, $"{process.Part} (pid {process.Pid}) runs {exe}, not {resolved}");
    }

    /// <summary>The fields of /proc/PID/stat after the name (the state first, the start time 20th), or null when there is no such process.</summary>
    private static string[]? Stat(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException or IOException)
        {
            return null;
        }
    }

    private static IEnumerable<int> Children(int pid) =>
        Directory.GetDirectories($"/proc/{pid}/task")
            .SelectMany(thread => File.ReadAllText(Path.Combine(thread, "children")).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(int.Parse)
            .ToList();

    private static bool Answers(int port)
    {
        try
        {
            using var client = new TcpClient();
            return client.ConnectAsync(IPAddress.Loopback, port).Wait(TimeSpan.FromSeconds(2)) && client.Connected;
        }
        catch (AggregateException exception) when (exception.InnerException is SocketException)
        {
            return false;
        }
    }

    // The logs `up` wrote, for a failure message.
    private string Logs() =>
        _run is null ? "" : string.Join('\n', Directory.EnumerateFiles(_run, "*.log", SearchOption.AllDirectories)
            .Select(log => $"--- {Path.GetFileName(log)} ---\n{string.Join('\n', File.ReadLines(log).TakeLast(30))}"));

    // Always `down`, and then, should anything it started still run, kill exactly that process, so a failure never
    // leaves servers holding the fixed ports.
    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        if (_run is null) return;
        try
        {
            await ScriptAsync("down", CancellationToken.None);
        }
        finally
        {
            foreach (var process in _started.Concat(Recorded()).Where(process => process.Runs))
            {
                try { Process.GetProcessById(process.Pid).Kill(); } catch (Exception exception) when (exception is ArgumentException or InvalidOperationException) { }
            }
            Directory.Delete(_run, recursive: true);
        }
    }
}
