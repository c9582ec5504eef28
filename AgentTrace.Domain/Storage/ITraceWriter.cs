using AgentTrace.Domain.Model;

namespace AgentTrace.Domain.Storage;

/// <summary>The write side of trace storage.</summary>
public interface ITraceWriter
{
    /// <summary>Stores a new trace; false when a trace with its <c>task_id</c> already exists.</summary>
    Task<bool> CreateAsync(TraceSession session, CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends events whose <c>seq</c> continue the trace's (1, 2, 3 ...), updating the summary with them.
    /// Events at or below the stored <c>seq</c> are duplicates and skipped; a gap refuses the whole batch.
    /// </summary>
    Task<AppendResult> AppendAsync(string tenantId, string taskId, IReadOnlyList<TraceEvent> events, CancellationToken cancellationToken = default);

    /// <summary>Marks a running trace finished; its watchers end after the last event.</summary>
    Task<CompleteResult> CompleteAsync(string tenantId, string taskId, TraceCompletion completion, CancellationToken cancellationToken = default);

    /// <summary>
    /// Finishes, with <paramref name="completion"/>, every running trace of any tenant that was not written (created
    /// or appended to) since <paramref name="idleSince"/>: its recorder is gone. Returns how many.
    /// </summary>
    Task<int> InterruptIdleAsync(DateTimeOffset idleSince, TraceCompletion completion, CancellationToken cancellationToken = default);

    Task<bool> DeleteAsync(string tenantId, string taskId, CancellationToken cancellationToken = default);

    /// <summary>Deletes the tenant's traces created before <paramref name="cutoff"/>; returns how many.</summary>
    Task<int> DeleteCreatedBeforeAsync(string tenantId, DateTimeOffset cutoff, CancellationToken cancellationToken = default);
}
