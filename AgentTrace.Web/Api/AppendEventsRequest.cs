using AgentTrace.Domain.Model;

namespace AgentTrace.Web.Api;

/// <summary>
/// Body of <c>POST /traces/{task_id}/events</c>: a batch of events, appended in order and idempotent by <c>seq</c>.
/// <see cref="EventBatchReader"/> reads it event by event (to report every bad event with its index and to enforce
/// the batch and event size limits); this record states its shape.
/// </summary>
public sealed record AppendEventsRequest
{
    /// <summary>1 to AgentTrace:Limits:MaxEventsPerBatch events; a given seq starts at 1, a missing one is assigned.</summary>
    public required IReadOnlyList<TraceEvent> Events { get; init; }
}
