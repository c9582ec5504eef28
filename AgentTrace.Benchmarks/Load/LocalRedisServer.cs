using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using AgentTrace.Domain.Storage.Redis;
using StackExchange.Redis;

namespace AgentTrace.Benchmarks.Load;

/// <summary>
/// A <c>redis-server</c> of the load run's own: a free loopback port, a temp folder, no persistence. It is
/// stopped by its pid when disposed, and the folder is removed.
/// </summary>
internal sealed class LocalRedisServer : IAsyncDisposable
{
    private readonly string _folder;
    private readonly Process _process;

    private LocalRedisServer(string folder, Process process, int port)
    {
        _folder = folder;
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port},syncTimeout=30000,asyncTimeout=30000";

    public static async Task<LocalRedisServer> StartAsync()
    {
        var binary = OnPath("redis-server");
        var folder = Directory.CreateTempSubdirectory("agenttrace-bench-redis-").FullName;
        var port = FreePort();
        var process = Process.Start(new ProcessStartInfo(binary,
            ["--port", $"{port}", "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", folder, "--logfile", Path.Combine(folder, "redis.log")])
        {
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("redis-server did not start");
        var server = new LocalRedisServer(folder, process, port);
        using var redis = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{port},abortConnect=false");
        for (var attempt = 0; !redis.IsConnected; attempt++)
        {
            if (process.HasExited || attempt > 400)
            {
                await server.DisposeAsync();
                throw new InvalidOperationException($"redis-server did not come up on port {port}");
            }

            await Task.Delay(25);
        }

        return server;
    }

    /// <summary>The full path of a program on the PATH, or an error that says how to install it.</summary>
    public static string OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException($"{program} is not on the PATH. Install it with: apt-get install -y redis-server redis-tools");

    public IConnectionMultiplexer Connect() => RedisConnection.Connect(ConnectionString);

    /// <summary>A connection that may run admin commands (<c>KEYS</c>, <c>FLUSHALL</c>, <c>INFO</c>).</summary>
    public IConnectionMultiplexer ConnectAdmin() => ConnectionMultiplexer.Connect(ConnectionString + ",allowAdmin=true");

    /// <summary>Empties the server between measurements, so one does not pay for the memory of another.</summary>
    public async Task FlushAsync()
    {
        using var redis = ConnectAdmin();
        await redis.GetServer(redis.GetEndPoints()[0]).FlushAllDatabasesAsync();
    }

    /// <summary>Clears the server's command statistics.</summary>
    public async Task ResetStatsAsync()
    {
        using var redis = ConnectAdmin();
        await redis.GetServer(redis.GetEndPoints()[0]).ConfigResetStatisticsAsync();
    }

    /// <summary>Microseconds the server spent running commands since the last reset (<c>INFO commandstats</c>).</summary>
    public async Task<long> CommandMicrosecondsAsync()
    {
        using var redis = ConnectAdmin();
        var sections = await redis.GetServer(redis.GetEndPoints()[0]).InfoAsync("commandstats");
        return sections.SelectMany(s => s)
            .Select(stat => stat.Value.Split(',').First(part => part.StartsWith("usec=", StringComparison.Ordinal)))
            .Sum(usec => long.Parse(usec.AsSpan(5), System.Globalization.CultureInfo.InvariantCulture));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
