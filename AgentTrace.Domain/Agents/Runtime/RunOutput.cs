using AgentTrace.Domain.Model;

namespace AgentTrace.Domain.Agents.Runtime;

/// <summary>One item of a run's merged output: a stored trace event, or a piece of the answer.</summary>
public sealed record RunOutput(TraceEvent? Event, AnswerChunk? Chunk);
