using AgentTrace.Domain.Analysis;
using AgentTrace.Domain.Model;

namespace AgentTrace.Web.Model;

/// <summary>What the step drawer shows: a span with its start and end events, or a single point event (a message, an error).</summary>
public sealed record Step(string Label, SpanTiming? Span, TraceEvent? Start, TraceEvent? End)
{
    /// <summary>The event that best describes the step: its end (with the results), else its start.</summary>
    public TraceEvent Main => End ?? Start!;

    public SpanKind? Kind => Span?.Kind;

    public LlmPayload? Llm => End?.Llm ?? Start?.Llm;

    public RetrievalPayload? Retrieval => End?.Retrieval ?? Start?.Retrieval;

    public ToolPayload? Tool => End?.Tool ?? Start?.Tool;

    public string? Error => End?.Error ?? Start?.Error;
}
