using System.Diagnostics;
using System.Text;

namespace HelloMvc.Tests.Cluster;

/// <summary>
/// A server the cluster fixture started: its output kept (the last lines, for a failure message), and
/// stopped by killing exactly its own process tree, never anything found by name.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    private const int KeptLines = 200;
    private readonly Process _process;
    private readonly Queue<string> _output = new();

    public string Name { get; }

    private ChildProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public static ChildProcess Start(string name, string fileName, IEnumerable<string> arguments,
        string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;

        var process = new Process { StartInfo = start };
        var child = new ChildProcess(name, process);
        process.OutputDataReceived += (_, line) => child.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => child.Keep(line.Data);
        if (!process.Start()) throw new InvalidOperationException($"{name} did not start ({fileName})");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the process wrote, for a failure message.</summary>
    public string Output
    {
        get
        {
            lock (_output) return $"--- {Name} (pid {_process.Id}) ---\n{string.Join('\n', _output)}";
        }
    }

    private long _linesWritten, _bytesWritten;

    /// <summary>Every line the process has written so far, on standard output and error together.</summary>
    public long LinesWritten => Interlocked.Read(ref _linesWritten);

    /// <summary>The bytes of those lines, their line ends included.</summary>
    public long BytesWritten => Interlocked.Read(ref _bytesWritten);

    /// <summary>Whether any of the last lines kept contains the text.</summary>
    public bool Wrote(string text)
    {
        lock (_output) return _output.Any(line => line.Contains(text, StringComparison.Ordinal));
    }

    /// <summary>The lines written after the first <paramref name="lines"/> (of those still kept).</summary>
    public IReadOnlyList<string> LinesAfter(long lines)
    {
        lock (_output)
        {
            var skip = _output.Count - (int)Math.Min(_output.Count, LinesWritten - lines);
            return _output.Skip(skip).ToList();
        }
    }

    /// <summary>SIGSTOP: the process stays, its sockets open, and answers nothing until <see cref="Resume"/>, as a stalled server would.</summary>
    public void Pause() => Signal(SigStop);

    /// <summary>SIGCONT: the paused process runs again.</summary>
    public void Resume() => Signal(SigCont);

    private const int SigCont = 18, SigStop = 19; // Linux

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);

    private void Signal(int signal)
    {
        if (kill(_process.Id, signal) != 0)
            throw new InvalidOperationException($"signal {signal} to {Name} (pid {_process.Id}) failed: errno {System.Runtime.InteropServices.Marshal.GetLastPInvokeError()}");
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        Interlocked.Increment(ref _linesWritten);
        Interlocked.Add(ref _bytesWritten, Encoding.UTF8.GetByteCount(line) + 1);
        lock (_output)
        {
            _output.Enqueue(line);
            if (_output.Count > KeptLines) _output.Dequeue();
        }
    }

    /// <summary>Kills the process and its children (nginx's workers) and waits, at most 10 s, until they are gone.</summary>
    public void Kill()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        if (!_process.WaitForExit(TimeSpan.FromSeconds(10)))
            throw new TimeoutException($"{Name} (pid {_process.Id}) still runs 10 s after it was killed");
    }

    public void Dispose()
    {
        try { Kill(); }
        finally { _process.Dispose(); }
    }
}
