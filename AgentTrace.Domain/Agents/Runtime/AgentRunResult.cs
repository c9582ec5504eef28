using AgentTrace.Domain.Model;

namespace AgentTrace.Domain.Agents.Runtime;

/// <summary>How a run ended: <c>completed</c>, <c>failed</c> or <c>cancelled</c>, with the answer or the error.</summary>
public sealed record AgentRunResult(TraceStatus Status, string Answer, string? Error, double ElapsedSeconds);
