using System.Text.Json.Nodes;
using AgentTrace.Domain.Model;
using AgentTrace.Domain.Serialization;

namespace AgentTrace.Domain.Formatting;

/// <summary>
/// The <c>streaming</c> format: each event as one flat object, every field of the event and of its LLM, retrieval or
/// tool payload at the top level, nulls left out. A whole trace is <c>{trace, events}</c>.
/// </summary>
public sealed class StreamingTraceFormatter
{
    private static readonly string[] s_payloads = ["llm", "retrieval", "tool"];

    public JsonObject FormatTrace(TraceSession session, IReadOnlyList<TraceEvent> events) => new()
    {
        ["trace"] = JsonNodes.Object(session, TraceJsonContext.Wire.TraceSession),
        ["events"] = new JsonArray([.. events.Select(FormatEvent)]),
    };

    public JsonObject FormatEvent(TraceEvent e)
    {
        var flat = JsonNodes.Object(e, TraceJsonContext.Wire.TraceEvent);
        foreach (var name in s_payloads)
        {
            if (flat[name] is JsonObject payload)
            {
                flat.Remove(name);
                JsonNodes.Lift(payload, flat, overwrite: false);
            }
        }

        return flat;
    }
}
