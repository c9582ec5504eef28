using AgentTrace.Domain.Model;

namespace AgentTrace.Web.Api;

public sealed record CreateTraceResponse(string TaskId, TraceSession Trace);
