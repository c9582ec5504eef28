using System.Text.Json.Nodes;
using AgentTrace.Domain.Analysis;
using AgentTrace.Domain.Model;
using AgentTrace.Domain.Serialization;

namespace AgentTrace.Domain.Formatting;

/// <summary>
/// The <c>detailed</c> format. Calls are paired like the analysis pairs spans (by <c>span_id</c>, else call or retrieval
/// id); a call whose completion never arrived is kept as <c>open</c>, a completion without its start is kept too.
/// </summary>
public sealed class DetailedTraceFormatter
{
    public DetailedTrace FormatTrace(TraceSession session, IReadOnlyList<TraceEvent> events)
    {
        var tree = SpanTree.Build(session, events);
        return new DetailedTrace
        {
            Trace = session,
            Summary = session.Summary,
            Events = events,
            LlmCalls = Calls(tree, SpanKind.Llm),
            Retrievals = Calls(tree, SpanKind.Retrieval),
            ToolCalls = Calls(tree, SpanKind.Tool),
        };
    }

    private static List<JsonObject> Calls(SpanTree tree, SpanKind kind) => tree.OfKind(kind).Select(Call).ToList();

    private static JsonObject Call(Span span)
    {
        var call = JsonNodes.Object(
            new CallRecord
            {
                SpanId = span.Id,
                ParentSpanId = span.Parent?.Id ?? span.DeclaredParentId,
                ComponentId = span.ComponentId,
                ComponentName = span.ComponentName,
                Status = span.Status,
                StartedSeq = span.Start?.Seq,
                CompletedSeq = span.End?.Seq,
                StartedAt = span.StartedAt,
                CompletedAt = span.End?.Timestamp,
                LatencyMs = Math.Round(span.Duration * 1000, 1),
                Error = span.End?.Error ?? span.Start?.Error,
            },
            FormatJsonContext.Wire.CallRecord);
        var payload = Payload(span.Start) ?? new JsonObject();
        if (Payload(span.End) is { } completed)
        {
            JsonNodes.Lift(completed, payload, overwrite: true);
        }

        JsonNodes.Lift(payload, call, overwrite: false);
        return call;
    }

    private static JsonObject? Payload(TraceEvent? e) => e switch
    {
        { Llm: { } llm } => JsonNodes.Object(llm, TraceJsonContext.Wire.LlmPayload),
        { Retrieval: { } retrieval } => JsonNodes.Object(retrieval, TraceJsonContext.Wire.RetrievalPayload),
        { Tool: { } tool } => JsonNodes.Object(tool, TraceJsonContext.Wire.ToolPayload),
        _ => null,
    };
}
