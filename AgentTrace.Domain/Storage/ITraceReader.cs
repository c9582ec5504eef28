using AgentTrace.Domain.Model;

namespace AgentTrace.Domain.Storage;

/// <summary>
/// The read side of trace storage. Every call is scoped to one tenant: another tenant's trace does not exist.
/// </summary>
public interface ITraceReader
{
    Task<TraceSession?> GetAsync(string tenantId, string taskId, CancellationToken cancellationToken = default);

    /// <summary>Events of one trace in <c>seq</c> order, filtered and paged; null when the trace does not exist.</summary>
    Task<EventPage?> GetEventsAsync(string tenantId, string taskId, EventQuery query, CancellationToken cancellationToken = default);

    /// <summary>Traces newest first, filtered and paged, with the total that matched.</summary>
    Task<TracePage> ListAsync(string tenantId, TraceQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// The stored events after <paramref name="afterSeq"/>, then each new one as it is appended: no gap, no
    /// duplicate. Ends when the trace is finished and every event was given, or when the trace is deleted.
    /// Yields nothing when the trace does not exist.
    /// </summary>
    IAsyncEnumerable<TraceEvent> WatchAsync(string tenantId, string taskId, long afterSeq, CancellationToken cancellationToken = default);

    /// <summary>
    /// The tenant's traces as they are created or finish, from the start of the enumeration on (no replay), each as
    /// it is when read, until cancelled. A reader more than <see cref="FeedChannel.Capacity"/> notices behind loses
    /// the oldest notices (never the traces).
    /// </summary>
    IAsyncEnumerable<TraceSession> WatchTracesAsync(string tenantId, CancellationToken cancellationToken = default);
}
