using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace HelloMvc.Tests.Cluster;

/// <summary>The cluster tests share one cluster and run one at a time, since some stop and restart its parts.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "Cluster";
}

/// <summary>
/// The production shape on loopback, as real processes: redis-server (append-only file in a temp folder, a password,
/// loopback only, maxmemory that never evicts), a certificate made with openssl that encrypts the key ring, as
/// deploy/cluster.sh makes them, two instances of the built site (`dotnet HelloMvc.Web.dll`, Production, under /hellomvc, sharing that
/// Redis) and nginx in front, saying https as a TLS-terminating proxy would. Without redis-server or nginx
/// the tests skip and name the package; with HELLOMVC_REQUIRE_SERVICES=1 (CI sets it) they fail instead.
/// Every wait is bounded; disposing kills exactly the processes started here.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public const string RequireServicesVariable = RequiredPrograms.RequireServicesVariable;
    public const string PathBase = "/hellomvc";
    public const int Instances = 2;

    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);

    private readonly HttpClient _probe = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { Timeout = TimeSpan.FromSeconds(5) };
    private readonly ChildProcess?[] _instances = new ChildProcess?[Instances];
    private int[] _instancePorts = [];
    private string? _missing;
    private string _folder = "";
    private string _redisServer = "";
    private int _redisPort;
    private int _nginxPort;
    private ChildProcess? _redis;
    private ChildProcess? _nginx;
    private string _redisPassword = "";
    private string _certificate = "";
    private string _certificatePassword = "";
    private StackExchange.Redis.ConnectionMultiplexer? _redisClient;

    /// <summary>The maxmemory Redis runs with: a junk flood can never take the machine's memory.</summary>
    public const string RedisMaxMemory = "64mb";

    /// <summary>The connection string the instances use, password included.</summary>
    public string RedisConnectionString => $"127.0.0.1:{_redisPort},password={_redisPassword},abortConnect=false";

    public int RedisPort => _redisPort;

    /// <summary>The test's own connection to the cluster's Redis, to read what the instances stored.</summary>
    public StackExchange.Redis.IDatabase Redis =>
        (_redisClient ??= StackExchange.Redis.ConnectionMultiplexer.Connect(RedisConnectionString + ",allowAdmin=true")).GetDatabase();

    /// <summary>The test's connection's view of the server: DBSIZE, INFO, KEYS.</summary>
    public StackExchange.Redis.IServer RedisServer
    {
        get
        {
            _ = Redis;
            return _redisClient!.GetServer("127.0.0.1", _redisPort);
        }
    }

    /// <summary>An instance's process, to read what it wrote.</summary>
    public ChildProcess InstanceProcess(int index) => _instances[index]!;

    /// <summary>SIGSTOP to redis-server: its port stays open and nothing answers, as a stalled Redis does.</summary>
    public void PauseRedis() => _redis!.Pause();

    /// <summary>SIGCONT, and waits until both instances are ready again.</summary>
    public async Task ResumeRedisAsync()
    {
        _redis!.Resume();
        for (var index = 0; index < Instances; index++)
            await WaitForAsync(_instances[index]!, new Uri(Instance(index), "healthz/ready"));
    }

    /// <summary>The site through nginx, such as http://127.0.0.1:40123/hellomvc/.</summary>
    public Uri Proxy => new($"http://127.0.0.1:{_nginxPort}{PathBase}/");

    /// <summary>One instance directly, without nginx.</summary>
    public Uri Instance(int index) => new($"http://127.0.0.1:{_instancePorts[index]}{PathBase}/");

    /// <summary>Call first in every cluster test: skips (or fails, under HELLOMVC_REQUIRE_SERVICES=1) without the services.</summary>
    public void RequireServices() => RequiredPrograms.Require(_missing);

    public async ValueTask InitializeAsync()
    {
        var redisServer = Find("redis-server");
        var nginx = Find("nginx");
        if (redisServer is null || nginx is null)
        {
            _missing = RequiredPrograms.Missing("the cluster tests", "redis-server", "nginx");
            return;
        }
        _redisServer = redisServer;
        _folder = Directory.CreateTempSubdirectory("hellomvc-cluster-").FullName;
        var ports = FreePorts(Instances + 2);
        (_redisPort, _nginxPort, _instancePorts) = (ports[0], ports[1], ports[2..]);

        _redisPassword = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
        _certificatePassword = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
        await MakeCertificateAsync();
        await StartRedisAsync();
        await Task.WhenAll(Enumerable.Range(0, Instances).Select(StartInstanceAsync));

        var config = Path.Combine(_folder, "nginx.conf");
        await File.WriteAllTextAsync(config, NginxConfig());
        _nginx = ChildProcess.Start("nginx", nginx, ["-p", _folder + "/", "-c", config, "-e", Path.Combine(_folder, "nginx-error.log")], _folder);
        await WaitForAsync(_nginx, new Uri(Proxy, "healthz"));
    }

    /// <summary>Stops both instances (killed, as a crash would) and starts them again on the same ports.</summary>
    public async Task RestartInstancesAsync()
    {
        foreach (var instance in _instances) instance?.Kill();
        await Task.WhenAll(Enumerable.Range(0, Instances).Select(StartInstanceAsync));
    }

    /// <summary>Kills redis-server, as a crash would; its append-only file stays.</summary>
    public void StopRedis() => _redis?.Kill();

    /// <summary>Starts redis-server on the same port and data, and waits until both instances are ready again.</summary>
    public async Task RestartRedisAsync()
    {
        _redis?.Dispose();
        await StartRedisAsync();
        for (var index = 0; index < Instances; index++)
            await WaitForAsync(_instances[index]!, new Uri(Instance(index), "healthz/ready"));
    }

    /// <summary>Every process's last lines, for a failure message.</summary>
    public string Diagnostics =>
        string.Join('\n', new[] { _redis, _nginx }.Concat(_instances).OfType<ChildProcess>().Select(process => process.Output))
        + ReadIfThere(Path.Combine(_folder, "nginx-error.log"));

    // As deploy/cluster.sh does: a self-signed certificate and its key in a PFX, readable by its owner only.
    private async Task MakeCertificateAsync()
    {
        var openssl = Find("openssl") ?? throw new InvalidOperationException("openssl is not installed (apt-get install openssl)");
        _certificate = Path.Combine(_folder, "keys.pfx");
        var pem = Path.Combine(_folder, "keys.pem");
        await RunAsync(openssl, ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "30", "-subj", "/CN=HelloMvc data protection",
            "-keyout", pem, "-out", pem + ".crt"]);
        await RunAsync(openssl, ["pkcs12", "-export", "-in", pem + ".crt", "-inkey", pem, "-out", _certificate, "-passout", "env:HELLOMVC_PFX_PASSWORD"],
            new() { ["HELLOMVC_PFX_PASSWORD"] = _certificatePassword });
        File.Delete(pem);
        OwnerOnly(_certificate);
    }

    // The secrets are readable by their owner only, as deploy/cluster.sh makes them (redis-server and nginx are Debian's).
    private static void OwnerOnly(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    private static async Task RunAsync(string program, string[] arguments, Dictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment ?? []) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(StartLimit);
        await process.WaitForExitAsync(limit.Token);
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} {string.Join(' ', arguments)}: {await error}");
    }

    private async Task StartRedisAsync()
    {
        // The password in a file only its owner reads, not on a command line every local user can see.
        var config = Path.Combine(_folder, "redis.conf");
        File.WriteAllText(config, $"""
            port {_redisPort}
            bind 127.0.0.1
            protected-mode yes
            requirepass {_redisPassword}
            maxmemory {RedisMaxMemory}
            maxmemory-policy noeviction
            dir {_folder}
            appendonly yes
            appendfsync always
            save ""
            daemonize no
            """);
        OwnerOnly(config);
        _redis = ChildProcess.Start("redis-server", _redisServer, [config], _folder);
        var limit = Stopwatch.StartNew();
        while (!await AnswersPingAsync())
        {
            if (_redis.HasExited || limit.Elapsed > StartLimit)
                throw new InvalidOperationException($"redis-server did not answer PING on port {_redisPort}\n{_redis.Output}");
            await Task.Delay(50);
        }
    }

    private async Task StartInstanceAsync(int index)
    {
        var site = AppContext.BaseDirectory;
        _instances[index]?.Dispose();
        _instances[index] = ChildProcess.Start($"instance {index + 1}", "dotnet",
            [Path.Combine(site, "HelloMvc.Web.dll"), "--urls", $"http://127.0.0.1:{_instancePorts[index]}"], site,
            new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ConnectionStrings__Redis"] = RedisConnectionString,
                ["DataProtection__Certificate"] = _certificate,
                ["DataProtection__CertificatePassword"] = _certificatePassword,
                ["PathBase"] = PathBase,
            });
        await WaitForAsync(_instances[index]!, new Uri(Instance(index), "healthz/ready"));
        // Ready, and warm: a first session page reads the key ring (decrypting it) and compiles its view, which on a
        // busy machine can take longer than a test's own request may.
        await WaitForAsync(_instances[index]!, new Uri(Instance(index), "http/hello"));
    }

    // Polls until the URL answers 200, for at most StartLimit, and gives up at once if the process exited.
    private async Task WaitForAsync(ChildProcess process, Uri url)
    {
        var limit = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"{process.Name} exited before {url} answered\n{Diagnostics}");
            try
            {
                using var response = await _probe.GetAsync(url);
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            if (limit.Elapsed > StartLimit)
                throw new TimeoutException($"{url} did not answer 200 within {StartLimit.TotalSeconds} s\n{Diagnostics}");
            await Task.Delay(100);
        }
    }

    private async Task<bool> AnswersPingAsync()
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await client.ConnectAsync(IPAddress.Loopback, _redisPort, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"AUTH {_redisPassword}\r\nPING\r\n"), timeout.Token);
            var answer = "";
            var buffer = new byte[64];
            while (!answer.Contains("+PONG", StringComparison.Ordinal) && answer.Length < 256)
            {
                var read = await stream.ReadAsync(buffer, timeout.Token);
                if (read == 0) return false;
                answer += Encoding.ASCII.GetString(buffer, 0, read);
            }
            return answer.StartsWith("+OK\r\n+PONG", StringComparison.Ordinal);
        }
        catch (Exception exception) when (exception is SocketException or IOException or OperationCanceledException)
        {
            return false;
        }
    }

    // nginx as a TLS-terminating proxy would forward: the client's address, its Host, and https.
    // Everything it writes stays in the temp folder (-p), so it runs without root.
    private string NginxConfig() => $$"""
        daemon off;
        master_process off;
        pid {{_folder}}/nginx.pid;
        error_log {{_folder}}/nginx-error.log warn;
        events { worker_connections 1024; }
        http {
            access_log {{_folder}}/nginx-access.log;
            client_body_temp_path {{_folder}}/nginx-body;
            proxy_temp_path {{_folder}}/nginx-proxy;
            fastcgi_temp_path {{_folder}}/nginx-fastcgi;
            uwsgi_temp_path {{_folder}}/nginx-uwsgi;
            scgi_temp_path {{_folder}}/nginx-scgi;
            upstream hellomvc {
                {{string.Join("\n        ", _instancePorts.Select(port => $"server 127.0.0.1:{port};"))}}
                keepalive 64;
            }
            server {
                listen 127.0.0.1:{{_nginxPort}};
                proxy_http_version 1.1;
                proxy_set_header Connection "";
                proxy_set_header Host $http_host;
                proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                proxy_set_header X-Forwarded-Proto https;
                proxy_set_header X-Forwarded-Host $http_host;
                # The site's own link to its home is the path base without a slash.
                location = {{PathBase}} { proxy_pass http://hellomvc; }
                location {{PathBase}}/ { proxy_pass http://hellomvc; }
            }
        }
        """;

    private static string? Find(string program) => RequiredPrograms.Find(program);

    private static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        listeners.ForEach(listener => listener.Start());
        var ports = listeners.Select(listener => ((IPEndPoint)listener.LocalEndpoint).Port).ToArray();
        listeners.ForEach(listener => listener.Stop());
        return ports;
    }

    private static string ReadIfThere(string path) => File.Exists(path) ? $"\n--- {path} ---\n{File.ReadAllText(path)}" : "";

    public ValueTask DisposeAsync()
    {
        foreach (var process in new[] { _nginx }.Concat(_instances).Append(_redis))
        {
            process?.Dispose();
        }
        _probe.Dispose();
        _redisClient?.Dispose();
        if (_folder.Length > 0) Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}
