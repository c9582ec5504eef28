using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AgentTrace.Tests.Support;

/// <summary>
/// One <c>redis-server</c> process of a test's own: on a free loopback port, in its own temp folder with its pid file
/// and log, stopped by its pid. <see cref="RedisServer"/> runs one alone; <see cref="RedisCluster"/> runs three as a
/// cluster. <see cref="Kill"/> and <see cref="StartAsync"/> restart it on the same port and folder.
/// </summary>
public sealed class RedisProcess : IAsyncDisposable
{
    /// <summary>Connection string options for tests: short timeouts, so reconnects are quick.</summary>
    public const string ConnectionOptions = "connectTimeout=2000,syncTimeout=5000,asyncTimeout=5000";

    private const string Install = "Install it with: apt-get install -y redis-server redis-tools";

    private readonly string _arguments;
    private Process? _process;

    /// <param name="arguments">
    /// Options beyond port, bind address, folder, pid file, log and no snapshots; made from the process, whose port
    /// and folder are chosen by then.
    /// </param>
    public RedisProcess(Func<RedisProcess, string> arguments)
    {
        Folder = Directory.CreateTempSubdirectory("agenttrace-redis-").FullName;
        Port = FreePort();
        _arguments = arguments(this);
    }

    public int Port { get; }

    /// <summary>The process's own folder: its data, pid file, log and any other file it is given.</summary>
    public string Folder { get; }

    /// <summary>The server's address for a connection string.</summary>
    public string Endpoint => $"127.0.0.1:{Port}";

    /// <summary>Starts the server and waits until it answers <c>PING</c>.</summary>
    public async Task StartAsync()
    {
        _process = Process.Start(new ProcessStartInfo(
            Binary("redis-server"),
            $"--port {Port} --bind 127.0.0.1 --save '' --dir {Folder} --pidfile {Folder}/redis.pid --logfile {Folder}/redis.log {_arguments}")
        {
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("redis-server did not start");
        for (var attempt = 0; await CommandAsync("PING") is not "PONG"; attempt++)
        {
            if (_process.HasExited || attempt > 200)
            {
                throw new InvalidOperationException($"redis-server did not come up on port {Port}: {Log()}");
            }

            await Task.Delay(25);
        }
    }

    /// <summary>Kills the server at once (SIGKILL, by its pid), as a crash would.</summary>
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
        Directory.Delete(Folder, recursive: true);
    }

    /// <summary>The server's log so far, for failure messages.</summary>
    public string Log() => File.Exists(Path.Combine(Folder, "redis.log")) ? File.ReadAllText(Path.Combine(Folder, "redis.log")) : "(no log)";

    /// <summary>
    /// Sends one inline command and returns its reply as text (a status, an error or a bulk string), or null when
    /// the server cannot be reached.
    /// </summary>
    public async Task<string?> CommandAsync(string command)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            var stream = client.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes(command + "\r\n"));
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var first = await reader.ReadLineAsync();
            if (first is not ['$', .. var length])
            {
                return first?[1..];
            }

            var body = new char[Math.Max(0, int.Parse(length, CultureInfo.InvariantCulture))];
            await reader.ReadBlockAsync(body);
            return new string(body);
        }
        catch (SocketException)
        {
            return null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>The path of a Redis program on the PATH; its absence fails the test with how to install it.</summary>
    public static string Binary(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException($"{name} is not on the PATH: the Redis tests need a real Redis. {Install}");

    /// <summary>A loopback port nothing listens on now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public override string ToString() => Port.ToString(CultureInfo.InvariantCulture);
}
