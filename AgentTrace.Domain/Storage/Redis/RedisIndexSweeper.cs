using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AgentTrace.Domain.Storage.Redis;

/// <summary>
/// Keeps the Redis indexes in step with key expiry: every minute, removes from them the traces whose keys expired.
/// Does nothing when the store is not Redis.
/// </summary>
public sealed partial class RedisIndexSweeper(ITraceStore store, TimeProvider clock, ILogger<RedisIndexSweeper> logger) : BackgroundService
{
    private static readonly TimeSpan s_every = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (store is not RedisTraceStore redis)
        {
            return;
        }

        using var timer = new PeriodicTimer(s_every, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                var swept = await redis.SweepExpiredAsync(stoppingToken).ConfigureAwait(false);
                if (swept > 0)
                {
                    LogSwept(swept);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} expired traces from the Redis indexes")]
    private partial void LogSwept(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweeping expired traces from the Redis indexes failed; trying again in a minute")]
    private partial void LogFailed(Exception exception);
}
