using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AgentTrace.Domain.Agents.Runtime;

/// <summary>
/// Answers the cancel requests of the other servers that share the storage backend: while the server runs, a request
/// for a run this server has cancels it.
/// </summary>
public sealed partial class RunCancelRelay(IRunSignals signals, RunRegistry runs, ILogger<RunCancelRelay> logger) : IHostedService
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = signals.SubscribeCancels(CancelHere);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    private bool CancelHere(string tenantId, string taskId)
    {
        if (runs.Find(tenantId, taskId) is not { } run)
        {
            return false;
        }

        run.Cancel();
        LogCancelledForAnotherServer(run.TaskId);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cancelled run {TaskId} at the request of another server")]
    private partial void LogCancelledForAnotherServer(string taskId);
}
