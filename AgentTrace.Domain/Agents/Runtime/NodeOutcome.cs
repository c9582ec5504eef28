namespace AgentTrace.Domain.Agents.Runtime;

/// <summary>How one component run ended: finished (with the components to run next), failed, or stopped.</summary>
internal sealed record NodeOutcome(string ComponentId, NodeEnd End, IReadOnlyList<string> Next, string? Error = null);

internal enum NodeEnd
{
    Finished,
    Failed,
    Stopped,
}
