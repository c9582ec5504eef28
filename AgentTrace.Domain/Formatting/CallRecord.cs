using AgentTrace.Domain.Analysis;

namespace AgentTrace.Domain.Formatting;

/// <summary>
/// The timing part of one LLM, retrieval or tool call in the <c>detailed</c> format: a <c>*_started</c> event paired with
/// its <c>*_completed</c>. The formatter adds the fields of both events' payloads beside these.
/// </summary>
public sealed record CallRecord
{
    public required string SpanId { get; init; }

    public string? ParentSpanId { get; init; }

    public string? ComponentId { get; init; }

    public string? ComponentName { get; init; }

    /// <summary><c>open</c> when the completion never arrived; its latency then runs to the end of the trace.</summary>
    public required SpanStatus Status { get; init; }

    public long? StartedSeq { get; init; }

    public long? CompletedSeq { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    public required double LatencyMs { get; init; }

    public string? Error { get; init; }
}
