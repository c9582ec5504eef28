using AgentTrace.Domain.Agents;
using AgentTrace.Domain.Backends;
using AgentTrace.Domain.Storage;
using AgentTrace.Domain.Storage.Redis;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AgentTrace.Tests.Support;

/// <summary>
/// Real Redis and one connection to it, shared by a test class; each store gets its own key prefix. Derived
/// fixtures say which Redis: one standalone server (<see cref="RedisFixture"/>) or a cluster
/// (<see cref="RedisClusterFixture"/>).
/// </summary>
public abstract class RedisStoreFixture : IAsyncLifetime
{
    private IAsyncDisposable? _servers;
    private string? _connectionString;
    private IConnectionMultiplexer? _redis;

    /// <summary>A connection string for the Redis this fixture started.</summary>
    public string ConnectionString => _connectionString ?? throw new InvalidOperationException("the fixture is not started");

    public IConnectionMultiplexer Redis => _redis ?? throw new InvalidOperationException("the fixture is not started");

    public async ValueTask InitializeAsync()
    {
        (_servers, _connectionString) = await StartServersAsync();
        _redis = RedisConnection.Connect(_connectionString);
    }

    /// <summary>A store whose keys no other store of this fixture sees.</summary>
    public RedisTraceStore NewStore(IConnectionMultiplexer? redis = null, string? prefix = null, int retentionDays = 7) =>
        new(redis ?? Redis, Options.Create(NewOptions(prefix, retentionDays)), TimeProvider.System);

    /// <summary>A backend whose keys no other store of this fixture sees.</summary>
    public RedisBackend NewBackend(string? prefix = null, int maxMessages = 20, TimeProvider? clock = null) =>
        new(Redis, Options.Create(NewOptions(prefix)), Options.Create(new AgentsOptions { MaxHistoryMessages = maxMessages }), clock ?? TimeProvider.System, NullLoggerFactory.Instance);

    public static StorageOptions NewOptions(string? prefix = null, int retentionDays = 7) => new()
    {
        RedisKeyPrefix = prefix ?? "test-" + Guid.NewGuid().ToString("N")[..12],
        RetentionDays = retentionDays,
    };

    public async ValueTask DisposeAsync()
    {
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }

        if (_servers is not null)
        {
            await _servers.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Starts the Redis servers; returns what stops them and the connection string to reach them.</summary>
    protected abstract Task<(IAsyncDisposable Servers, string ConnectionString)> StartServersAsync();
}
