using AgentTrace.Domain.Model;

namespace AgentTrace.Web.Api;

public sealed record SummaryResponse(string TaskId, TraceStatus Status, double? TotalElapsedTime, TraceSummary Summary);
