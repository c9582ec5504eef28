using AgentTrace.Domain.Storage;
using AgentTrace.Domain.Storage.Redis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AgentTrace.Tests.Support;

/// <summary>One <c>redis-server</c> and one connection shared by a test class; each store gets its own key prefix.</summary>
public sealed class RedisFixture : IAsyncLifetime
{
    private RedisServer? _server;
    private IConnectionMultiplexer? _redis;

    public RedisServer Server => _server ?? throw new InvalidOperationException("the fixture is not started");

    public IConnectionMultiplexer Redis => _redis ?? throw new InvalidOperationException("the fixture is not started");

    public async ValueTask InitializeAsync()
    {
        _server = await RedisServer.StartNewAsync();
        _redis = RedisConnection.Connect(_server.ConnectionString);
    }

    /// <summary>A store whose keys no other store of this fixture sees.</summary>
    public RedisTraceStore NewStore(IConnectionMultiplexer? redis = null, string? prefix = null, int retentionDays = 7) =>
        new(redis ?? Redis, Options.Create(NewOptions(prefix, retentionDays)), TimeProvider.System);

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

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
