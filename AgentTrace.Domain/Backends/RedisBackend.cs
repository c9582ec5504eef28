using AgentTrace.Domain.Agents;
using AgentTrace.Domain.Agents.Catalog;
using AgentTrace.Domain.Agents.Conversations;
using AgentTrace.Domain.Agents.Runtime;
using AgentTrace.Domain.Storage;
using AgentTrace.Domain.Storage.Redis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AgentTrace.Domain.Backends;

/// <summary>
/// Everything in one Redis (or Redis Cluster) that any number of servers share: traces, agents and conversations
/// under <see cref="StorageOptions.RedisKeyPrefix"/>, and pub/sub between the servers.
/// </summary>
public sealed class RedisBackend : IStorageBackend
{
    /// <summary>How long a readiness check waits for <c>PING</c>.</summary>
    private static readonly TimeSpan s_pingWait = TimeSpan.FromSeconds(5);

    private readonly IConnectionMultiplexer _redis;

    public RedisBackend(IConnectionMultiplexer redis, IOptions<StorageOptions> storage, IOptions<AgentsOptions> agents, TimeProvider clock, ILoggerFactory loggers)
    {
        _redis = redis;
        var keys = new RedisKeys(storage.Value.RedisKeyPrefix);
        var db = redis.GetDatabase();
        var traces = new RedisTraceStore(redis, storage, clock);
        Traces = traces;
        Agents = new RedisAgentStore(db, keys);
        Conversations = new RedisConversationStore(db, keys, agents.Value.MaxHistoryMessages, TimeSpan.FromDays(storage.Value.RetentionDays), clock);
        Signals = new RedisRunSignals(redis, keys);
        Maintenance = [new RedisIndexSweeper(traces, loggers.CreateLogger<RedisIndexSweeper>())];
    }

    public ITraceStore Traces { get; }

    public IAgentStore Agents { get; }

    public IConversationStore Conversations { get; }

    public IRunSignals Signals { get; }

    public IReadOnlyList<IStoreMaintenance> Maintenance { get; }

    public async Task<StoreHealth> CheckAsync(CancellationToken cancellationToken = default)
    {
        var endpoints = string.Join(", ", _redis.GetEndPoints().Select(e => e.ToString()));
        if (!_redis.IsConnected)
        {
            return new StoreHealth(false, $"Redis at {endpoints} is not connected; recorded events wait in the queue until it is back");
        }

        try
        {
            await _redis.GetDatabase().PingAsync().WaitAsync(s_pingWait, cancellationToken).ConfigureAwait(false);
            return new StoreHealth(true, "Redis answers");
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return new StoreHealth(false, ex is TimeoutException
                ? $"Redis at {endpoints} did not answer PING within {s_pingWait.TotalSeconds:0.#} s"
                : $"Redis at {endpoints} refused PING");
        }
    }
}
