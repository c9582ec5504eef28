using AgentTrace.Domain.Model;

namespace AgentTrace.Domain.Storage;

public static class TraceReaderExtensions
{
    /// <summary>A trace with all its stored events in <c>seq</c> order; null when it does not exist.</summary>
    public static async Task<(TraceSession Session, IReadOnlyList<TraceEvent> Events)?> ReadWholeAsync(
        this ITraceReader store, string tenantId, string taskId, CancellationToken cancellationToken = default)
    {
        var session = await store.GetAsync(tenantId, taskId, cancellationToken).ConfigureAwait(false);
        if (session is null)
        {
            return null;
        }

        var page = await store.GetEventsAsync(tenantId, taskId, new EventQuery { Limit = int.MaxValue }, cancellationToken).ConfigureAwait(false);
        return page is null ? null : (session, page.Events);
    }
}
