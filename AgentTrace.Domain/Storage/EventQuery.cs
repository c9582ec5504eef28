using AgentTrace.Domain.Model;

namespace AgentTrace.Domain.Storage;

/// <summary>Which events of a trace to read. Limits are checked by the caller (see <see cref="Paging"/>).</summary>
public sealed record EventQuery
{
    public IReadOnlySet<TraceEventType>? EventTypes { get; init; }

    public string? ComponentId { get; init; }

    public long AfterSeq { get; init; }

    public int Offset { get; init; }

    public int Limit { get; init; } = Paging.DefaultEventLimit;

    public bool Matches(TraceEvent e) =>
        e.Seq > AfterSeq
        && (EventTypes is null || EventTypes.Contains(e.EventType))
        && (ComponentId is null || string.Equals(e.ComponentId, ComponentId, StringComparison.Ordinal));
}
