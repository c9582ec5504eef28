using Microsoft.Extensions.Logging;

namespace AgentTrace.Domain.Storage.InMemory;

/// <summary>Forgets the embedded store's traces once they are older than the retention period, as Redis keys expire.</summary>
public sealed partial class InMemoryRetention(InMemoryTraceStore store, ILogger<InMemoryRetention> logger) : IStoreMaintenance
{
    public string Name => "Removing traces past their retention from the embedded store";

    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        var removed = await store.RemoveExpiredAsync(cancellationToken).ConfigureAwait(false);
        if (removed > 0)
        {
            LogRemoved(removed);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} traces past their retention from the embedded store")]
    private partial void LogRemoved(int count);
}
