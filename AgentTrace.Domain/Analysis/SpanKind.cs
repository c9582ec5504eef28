using System.Text.Json.Serialization;
using AgentTrace.Domain.Model;

namespace AgentTrace.Domain.Analysis;

/// <summary>What a span covers: the whole run, one node, or one call a node made.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<SpanKind>))]
public enum SpanKind
{
    Workflow,
    Node,
    Llm,
    Retrieval,
    Tool,
    Thinking,
}
