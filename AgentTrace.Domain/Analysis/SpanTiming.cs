namespace AgentTrace.Domain.Analysis;

/// <summary>One span on the time axis of a run; seconds count from the run's first event.</summary>
public sealed record SpanTiming
{
    /// <summary>The producer's span id, or <c>#seq</c> of the span's first event when it gave none.</summary>
    public required string SpanId { get; init; }

    /// <summary>The parent span; for an orphan, the parent it named that never arrived.</summary>
    public string? ParentSpanId { get; init; }

    public required SpanKind Kind { get; init; }

    public required SpanStatus Status { get; init; }

    public string? ComponentId { get; init; }

    public string? ComponentName { get; init; }

    public long? StartSeq { get; init; }

    public long? EndSeq { get; init; }

    public required double StartS { get; init; }

    public required double DurationS { get; init; }

    /// <summary>Seconds not covered by child spans.</summary>
    public required double SelfS { get; init; }

    public bool Orphan { get; init; }
}
