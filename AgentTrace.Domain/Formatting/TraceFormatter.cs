using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using AgentTrace.Domain.Model;
using AgentTrace.Domain.Serialization;

namespace AgentTrace.Domain.Formatting;

/// <summary>The one entry point of the formats: a whole trace for the API, one event at a time for streams.</summary>
public sealed class TraceFormatter(
    StreamingTraceFormatter streaming,
    CompactTraceFormatter compact,
    DetailedTraceFormatter detailed,
    RagflowTraceFormatter ragflow)
{
    /// <summary>Parses a format name strictly; an unknown name gives a problem that lists the valid ones.</summary>
    public static bool TryParseFormat(string? text, out TraceFormat format, [NotNullWhen(false)] out string? problem)
    {
        problem = WireEnum<TraceFormat>.TryParse(text, out format)
            ? null
            : $"unknown format '{text}'; valid formats are {string.Join(", ", TraceFormatNames.All)}";
        return problem is null;
    }

    /// <summary>A whole trace: an object, or for <see cref="TraceFormat.Ragflow"/> the array of entries.</summary>
    /// <param name="format">The shape to produce.</param>
    /// <param name="session">The trace.</param>
    /// <param name="events">Its events in <c>seq</c> order.</param>
    public JsonNode FormatTrace(TraceFormat format, TraceSession session, IReadOnlyList<TraceEvent> events) => format switch
    {
        TraceFormat.Streaming => streaming.FormatTrace(session, events),
        TraceFormat.Compact => JsonNodes.Object(compact.FormatTrace(session, events), FormatJsonContext.Wire.CompactTrace),
        TraceFormat.Detailed => JsonNodes.Object(detailed.FormatTrace(session, events), FormatJsonContext.Wire.DetailedTrace),
        TraceFormat.Ragflow => JsonSerializer.SerializeToNode(ragflow.FormatTrace(events), FormatJsonContext.Wire.IReadOnlyListRagflowTraceEntry)!,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown trace format"),
    };

    /// <summary>
    /// One event as a stream sends it: the flat event, its compact line, the whole event, or its single RAGFlow
    /// entry. Null when the format sends nothing for this event (RAGFlow sends finished nodes only).
    /// </summary>
    public JsonNode? FormatEvent(TraceFormat format, TraceSession session, TraceEvent e) => format switch
    {
        TraceFormat.Streaming => streaming.FormatEvent(e),
        TraceFormat.Compact => JsonNodes.Object(compact.FormatEvent(session, e), FormatJsonContext.Wire.CompactStep),
        TraceFormat.Detailed => JsonNodes.Object(e, TraceJsonContext.Wire.TraceEvent),
        TraceFormat.Ragflow => ragflow.FormatEvent(e) is { } entry ? JsonNodes.Object(entry, FormatJsonContext.Wire.RagflowTraceEntry) : null,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown trace format"),
    };

    /// <summary>What the run's retrievals let an answer cite, in RAGFlow's <c>reference</c> shape (<c>chunks</c>, <c>doc_aggs</c>).</summary>
    public JsonObject FormatReference(IEnumerable<TraceEvent> events) => JsonNodes.Object(ragflow.Reference(events), FormatJsonContext.Wire.RagflowReference);
}
