using AgentTrace.Domain.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AgentTrace.Domain.Backends;

/// <summary>
/// Runs the maintenance jobs at start and then every minute: the ones every backend has and the backend's own. A job
/// that fails is logged and tried again at the next round; the others run regardless.
/// </summary>
public sealed partial class StoreMaintenanceService(IEnumerable<IStoreMaintenance> common, IStorageBackend backend, TimeProvider clock, ILogger<StoreMaintenanceService> logger)
    : BackgroundService
{
    private static readonly TimeSpan s_every = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        IStoreMaintenance[] jobs = [.. common, .. backend.Maintenance];
        using var timer = new PeriodicTimer(s_every, clock);
        do
        {
            foreach (var job in jobs)
            {
                try
                {
                    await job.RunAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    LogFailed(job.Name, ex);
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Job} failed; trying again in a minute")]
    private partial void LogFailed(string job, Exception exception);
}
