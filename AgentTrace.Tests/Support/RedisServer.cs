using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace AgentTrace.Tests.Support;

/// <summary>
/// A real <c>redis-server</c> of a test's own: on a free loopback port, in its own temp folder, with a pid file,
/// stopped by its pid. <see cref="Kill"/> and <see cref="StartAsync"/> restart it on the same port and folder.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("agenttrace-redis-").FullName;
    private readonly bool _durable;
    private Process? _process;

    /// <param name="durable">Keep data across a kill: an append-only file synced before every reply.</param>
    private RedisServer(bool durable)
    {
        _durable = durable;
        Port = FreePort();
    }

    public int Port { get; }

    /// <summary>A connection string for this server (short timeouts, so reconnects are quick in tests).</summary>
    public string ConnectionString => $"127.0.0.1:{Port},connectTimeout=2000,syncTimeout=5000,asyncTimeout=5000";

    /// <summary>A server with its port and folder chosen, not started yet.</summary>
    public static RedisServer NotStarted(bool durable = false) => new(durable);

    public static async Task<RedisServer> StartNewAsync(bool durable = false)
    {
        var server = new RedisServer(durable);
        await server.StartAsync();
        return server;
    }

    public async Task StartAsync()
    {
        var binary = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Select(folder => Path.Combine(folder, "redis-server"))
            .FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("redis-server is not on the PATH: the Redis tests need a real Redis. Install it with: apt-get install -y redis-server");
        var persistence = _durable ? "--appendonly yes --appendfsync always" : "--appendonly no";
        _process = Process.Start(new ProcessStartInfo(binary,
            $"--port {Port} --bind 127.0.0.1 --save '' {persistence} --dir {_folder} --pidfile {_folder}/redis.pid --logfile {_folder}/redis.log")
        {
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("redis-server did not start");
        for (var attempt = 0; !await AnswersPingAsync(); attempt++)
        {
            if (_process.HasExited || attempt > 200)
            {
                throw new InvalidOperationException($"redis-server did not come up on port {Port}: {Log()}");
            }

            await Task.Delay(25);
        }
    }

    /// <summary>Kills the server at once (SIGKILL), as a crash would.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            process.WaitForExit();
        }

        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await Task.Yield();
        Directory.Delete(_folder, recursive: true);
    }

    private string Log() => File.Exists(Path.Combine(_folder, "redis.log")) ? File.ReadAllText(Path.Combine(_folder, "redis.log")) : "(no log)";

    private async Task<bool> AnswersPingAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer);
            return System.Text.Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public override string ToString() => Port.ToString(CultureInfo.InvariantCulture);
}
