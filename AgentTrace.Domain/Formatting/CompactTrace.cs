using AgentTrace.Domain.Model;

namespace AgentTrace.Domain.Formatting;

/// <summary>The <c>compact</c> format of a trace: who, how it ended, the key counts, and one line per step.</summary>
public sealed record CompactTrace
{
    public required string TaskId { get; init; }

    public string? AgentId { get; init; }

    public string? SessionId { get; init; }

    public required TraceStatus Status { get; init; }

    public required TraceLevel TraceLevel { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>The run's measured duration, else newest minus earliest event (3 decimals).</summary>
    public required double DurationS { get; init; }

    public required long Nodes { get; init; }

    public required long LlmCalls { get; init; }

    public required long Retrievals { get; init; }

    public required long ToolCalls { get; init; }

    public required long Tokens { get; init; }

    public required long Errors { get; init; }

    public required TraceSummary Summary { get; init; }

    public required IReadOnlyList<CompactStep> Timeline { get; init; }
}
