using AgentTrace.Domain.Model;

namespace AgentTrace.Domain.Storage;

/// <summary>A page of traces, how many matched, and whether the store is at capacity and evicting.</summary>
public sealed record TracePage(IReadOnlyList<TraceSession> Sessions, long Total, int Page, int PageSize, bool IsFull);
