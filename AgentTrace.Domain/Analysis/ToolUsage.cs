namespace AgentTrace.Domain.Analysis;

/// <summary>Completed calls of one tool.</summary>
public sealed record ToolUsage
{
    public required string ToolName { get; init; }

    public required int Calls { get; init; }

    public required int Errors { get; init; }

    public required double MeanLatencyMs { get; init; }
}
