using AgentTrace.Domain.Model;

namespace AgentTrace.Domain.Storage;

public enum CompleteOutcome
{
    Completed,
    NotFound,
    AlreadyFinished,
}

/// <summary>What completing a trace did, with the trace as it is now (null when not found).</summary>
public sealed record CompleteResult(CompleteOutcome Outcome, TraceSession? Session);
