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
    /// The tenant's traces as they are created, change (after each append that stored or dropped events: new
    /// <c>last_seq</c> and summary) and finish, from the start of the enumeration on (no replay), until cancelled.
    /// Notices are coalesced per trace: while a reader has not taken a trace's notice, later changes of that trace
    /// replace it (in its place) with the trace as it is then, so a busy trace does not flood its readers and the
    /// reader gets the newest state. A notice may repeat a state already given, and when writers of one trace race,
    /// may come after a newer one: keep the one with the higher <c>last_seq</c>, finished over running. A reader with
    /// notices of more than <see cref="FeedChannel.Capacity"/> traces waiting loses the oldest of them (never the
    /// traces). Deletions are not announced.
    /// </summary>
    IAsyncEnumerable<TraceSession> WatchTracesAsync(string tenantId, CancellationToken cancellationToken = default);
}
