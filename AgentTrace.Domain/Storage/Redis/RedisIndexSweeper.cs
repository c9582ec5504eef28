using Microsoft.Extensions.Logging;

namespace AgentTrace.Domain.Storage.Redis;

/// <summary>Keeps the Redis indexes in step with key expiry: removes from them the traces whose keys expired.</summary>
public sealed partial class RedisIndexSweeper(RedisTraceStore store, ILogger<RedisIndexSweeper> logger) : IStoreMaintenance
{
    public string Name => "Sweeping expired traces from the Redis indexes";

    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        var swept = await store.SweepExpiredAsync(cancellationToken).ConfigureAwait(false);
        if (swept > 0)
        {
            LogSwept(swept);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} expired traces from the Redis indexes")]
    private partial void LogSwept(int count);
}
