using System.Text.Json.Nodes;
using AgentTrace.Domain.Model;

namespace AgentTrace.Domain.Formatting;

/// <summary>The <c>detailed</c> format: everything, plus each call's start and completion paired into one record.</summary>
public sealed record DetailedTrace
{
    public required TraceSession Trace { get; init; }

    public required TraceSummary Summary { get; init; }

    public required IReadOnlyList<TraceEvent> Events { get; init; }

    /// <summary><see cref="CallRecord"/> fields with the LLM payload's fields beside them.</summary>
    public required IReadOnlyList<JsonObject> LlmCalls { get; init; }

    /// <summary><see cref="CallRecord"/> fields with the retrieval payload's fields beside them.</summary>
    public required IReadOnlyList<JsonObject> Retrievals { get; init; }

    /// <summary><see cref="CallRecord"/> fields with the tool payload's fields beside them.</summary>
    public required IReadOnlyList<JsonObject> ToolCalls { get; init; }
}
