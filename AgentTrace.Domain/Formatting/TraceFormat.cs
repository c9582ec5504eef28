using System.Text.Json.Serialization;
using AgentTrace.Domain.Model;

namespace AgentTrace.Domain.Formatting;

/// <summary>The shapes a trace can be returned in (DESIGN §6); parse names with <see cref="TraceFormatter.TryParseFormat"/>.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<TraceFormat>))]
public enum TraceFormat
{
    /// <summary>One flat object per event, payload fields lifted to the top.</summary>
    Streaming,

    /// <summary>The trace, its summary and one short line per step.</summary>
    Compact,

    /// <summary>The trace, its summary, every event whole, and paired LLM, retrieval and tool calls.</summary>
    Detailed,

    /// <summary>RAGFlow's <c>return_trace</c> entries, one per finished node.</summary>
    Ragflow,
}
