using System.Text.Json;

namespace AgentTrace.Domain.Model;

/// <summary>
/// One recorded step of a run. Immutable: readers share instances, nothing is copied on read.
/// A <c>*_started</c> event and its end share <see cref="SpanId"/>. The recorder assigns
/// <see cref="Seq"/>, and <see cref="EventId"/> and <see cref="Timestamp"/> when a producer leaves them unset.
/// </summary>
public sealed record TraceEvent
{
    public long Seq { get; init; }

    public string EventId { get; init; } = "";

    public required TraceEventType EventType { get; init; }

    public DateTimeOffset Timestamp { get; init; }

    public string? SpanId { get; init; }

    public string? ParentSpanId { get; init; }

    public string? ComponentId { get; init; }

    public string? ComponentName { get; init; }

    public string? ComponentType { get; init; }

    public JsonElement? Inputs { get; init; }

    public JsonElement? Outputs { get; init; }

    public string? Error { get; init; }

    public double? ElapsedTime { get; init; }

    public string? Thoughts { get; init; }

    public JsonElement? Metadata { get; init; }

    public IReadOnlyList<string>? Truncated { get; init; }

    public LlmPayload? Llm { get; init; }

    public RetrievalPayload? Retrieval { get; init; }

    public ToolPayload? Tool { get; init; }
}
