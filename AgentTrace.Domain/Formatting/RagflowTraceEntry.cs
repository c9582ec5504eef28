using System.Text.Json.Serialization;

namespace AgentTrace.Domain.Formatting;

/// <summary>One entry of RAGFlow's <c>return_trace</c> list: <c>{"component_id", "trace": [node]}</c>.</summary>
public sealed record RagflowTraceEntry
{
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? ComponentId { get; init; }

    public required IReadOnlyList<RagflowNodeTrace> Trace { get; init; }
}
