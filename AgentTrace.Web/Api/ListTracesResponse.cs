using AgentTrace.Domain.Model;

namespace AgentTrace.Web.Api;

/// <summary>A page of traces, newest first.</summary>
public sealed record ListTracesResponse(IReadOnlyList<TraceSession> Traces, long Total, int Page, int PageSize, bool IsFull);
