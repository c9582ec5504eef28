namespace AgentTrace.Tests.Support;

/// <summary>
/// A real standalone <c>redis-server</c> of a test's own (see <see cref="RedisProcess"/>). <see cref="Kill"/> and
/// <see cref="StartAsync"/> restart it on the same port and folder.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly RedisProcess _process;

    /// <param name="durable">Keep data across a kill: an append-only file synced before every reply.</param>
    private RedisServer(bool durable)
    {
        _process = new RedisProcess(_ => durable ? "--appendonly yes --appendfsync always" : "--appendonly no");
    }

    public int Port => _process.Port;

    /// <summary>A connection string for this server (short timeouts, so reconnects are quick in tests).</summary>
    public string ConnectionString => $"{_process.Endpoint},{RedisProcess.ConnectionOptions}";

    /// <summary>A server with its port and folder chosen, not started yet.</summary>
    public static RedisServer NotStarted(bool durable = false) => new(durable);

    public static async Task<RedisServer> StartNewAsync(bool durable = false)
    {
        var server = new RedisServer(durable);
        await server.StartAsync();
        return server;
    }

    public Task StartAsync() => _process.StartAsync();

    /// <summary>Kills the server at once (SIGKILL), as a crash would.</summary>
    public void Kill() => _process.Kill();

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    public override string ToString() => _process.ToString();
}
