using AgentTrace.Domain.Model;

namespace AgentTrace.Domain.Analysis;

/// <summary>A started event paired with its end (either may be missing), placed in the span tree and on the time axis.</summary>
internal sealed class Span(string id, SpanKind kind)
{
    /// <summary>The producer's span id, or <c>#seq</c> of the span's first event when it gave none (or reused one).</summary>
    public string Id { get; } = id;

    public SpanKind Kind { get; } = kind;

    public TraceEvent? Start { get; set; }

    public TraceEvent? End { get; set; }

    public Span? Parent { get; set; }

    /// <summary>True when the span names a parent that never arrived.</summary>
    public bool IsOrphan { get; set; }

    public List<Span> Children { get; } = [];

    public DateTimeOffset StartedAt { get; set; }

    /// <summary>Seconds from the trace's first event to the span's start.</summary>
    public double StartOffset { get; set; }

    public double Duration { get; set; }

    /// <summary>Seconds of <see cref="Duration"/> not covered by child spans.</summary>
    public double SelfTime { get; set; }

    public double EndOffset => StartOffset + Duration;

    public string? DeclaredParentId => Start?.ParentSpanId ?? End?.ParentSpanId;

    public string? ComponentId => Start?.ComponentId ?? End?.ComponentId;

    public string? ComponentName => Start?.ComponentName ?? End?.ComponentName;

    public string? ComponentType => Start?.ComponentType ?? End?.ComponentType;

    /// <summary>The key component statistics group by: the component id, else its name.</summary>
    public string ComponentKey => ComponentId ?? ComponentName ?? "";

    /// <summary>How recommendations name the component of this span.</summary>
    public string DisplayName => ComponentName ?? ComponentId ?? "unnamed component";

    /// <summary>The seq that stands for this span as evidence: its end, else its start.</summary>
    public long Seq => (End ?? Start)!.Seq;

    public long FirstSeq => Math.Min(Start?.Seq ?? long.MaxValue, End?.Seq ?? long.MaxValue);

    public SpanStatus Status => End switch
    {
        null => SpanStatus.Open,
        { EventType: TraceEventType.WorkflowCancelled } => SpanStatus.Cancelled,
        { Error: not null } or { EventType: TraceEventType.NodeFailed or TraceEventType.WorkflowFailed } => SpanStatus.Failed,
        _ => SpanStatus.Completed,
    };

    public string? ModelName => End?.Llm?.ModelName ?? Start?.Llm?.ModelName;

    public string? ToolName => End?.Tool?.ToolName ?? Start?.Tool?.ToolName;

    /// <summary>The knowledge bases a retrieval searched, from its start, else its end.</summary>
    public IReadOnlyList<string>? KnowledgeBases => Start?.Retrieval?.KnowledgeBases ?? End?.Retrieval?.KnowledgeBases;

    public double? SimilarityThreshold => Start?.Retrieval?.SimilarityThreshold ?? End?.Retrieval?.SimilarityThreshold;
}
