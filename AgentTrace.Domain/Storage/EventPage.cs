using AgentTrace.Domain.Model;

namespace AgentTrace.Domain.Storage;

/// <summary>A page of events and how many matched in all.</summary>
public sealed record EventPage(IReadOnlyList<TraceEvent> Events, long Total, int Offset, int Limit);
