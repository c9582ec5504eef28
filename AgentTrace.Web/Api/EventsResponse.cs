using AgentTrace.Domain.Model;

namespace AgentTrace.Web.Api;

/// <summary>A page of one trace's events and how many matched in all.</summary>
public sealed record EventsResponse(string TaskId, IReadOnlyList<TraceEvent> Events, long Total, int Offset, int Limit, int Count);
