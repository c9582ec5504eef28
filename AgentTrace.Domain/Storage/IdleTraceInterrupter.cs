using AgentTrace.Domain.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AgentTrace.Domain.Storage;

/// <summary>
/// Marks traces <c>interrupted</c> when they stayed <c>running</c> without a new event for
/// <see cref="StorageOptions.InterruptAfterMinutes"/>: the process recording them stopped, so they would otherwise
/// run for ever. Several instances may run it at once.
/// </summary>
public sealed partial class IdleTraceInterrupter(ITraceWriter store, IOptions<StorageOptions> options, TimeProvider clock, ILogger<IdleTraceInterrupter> logger)
    : IStoreMaintenance
{
    public string Name => "Looking for interrupted traces";

    public Task RunAsync(CancellationToken cancellationToken = default) => InterruptIdleAsync(cancellationToken);

    /// <summary>Interrupts the traces idle for longer than the timeout; returns how many.</summary>
    public async Task<int> InterruptIdleAsync(CancellationToken cancellationToken = default)
    {
        var minutes = options.Value.InterruptAfterMinutes;
        var now = clock.GetUtcNow();
        var interrupted = await store.InterruptIdleAsync(now.AddMinutes(-minutes), new TraceCompletion
        {
            Status = TraceStatus.Interrupted,
            CompletedAt = now,
            Error = $"no event for {minutes} minutes: the run was interrupted (the process recording it may have stopped)",
        }, cancellationToken).ConfigureAwait(false);
        if (interrupted > 0)
        {
            LogInterrupted(interrupted, minutes);
        }

        return interrupted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Marked {Count} traces interrupted: running without an event for {Minutes} minutes")]
    private partial void LogInterrupted(int count, int minutes);
}
