using AgentTrace.Domain.Model;

namespace AgentTrace.Domain.Formatting;

/// <summary>
/// RAGFlow's <c>return_trace</c> shape, one entry per <c>node_finished</c> or <c>node_failed</c> event, in order
/// (a node that runs twice appears twice). A stream sends each entry once, as its node finishes.
/// </summary>
public sealed class RagflowTraceFormatter
{
    public IReadOnlyList<RagflowTraceEntry> FormatTrace(IReadOnlyList<TraceEvent> events) =>
        events.Select(FormatEvent).OfType<RagflowTraceEntry>().ToList();

    /// <summary>
    /// The chunks the run's finished retrievals returned, each once (by chunk id, else by document and content), in the
    /// order they came, with their documents counted in order of first citation.
    /// </summary>
    public RagflowReference Reference(IEnumerable<TraceEvent> events)
    {
        var chunks = events
            .Where(e => e.EventType == TraceEventType.RetrievalCompleted && e.Retrieval?.Chunks is not null)
            .SelectMany(e => e.Retrieval!.Chunks!.Select(c => new RagflowChunk
            {
                Id = c.ChunkId,
                Content = c.Content,
                DocumentId = c.DocumentId,
                DocumentName = c.DocumentName,
                DatasetId = e.Retrieval.KnowledgeBases?.FirstOrDefault(),
                Similarity = c.Score,
            }))
            .DistinctBy(c => c.Id ?? $"{c.DocumentId}\n{c.Content}")
            .ToList();
        var documents = chunks
            .GroupBy(c => (c.DocumentId, c.DocumentName))
            .Select(g => new RagflowDocumentCount(g.Key.DocumentName, g.Key.DocumentId, g.Count()))
            .ToList();
        return new RagflowReference(chunks, documents);
    }

    /// <summary>The entry for a finished or failed node; null for every other event.</summary>
    public RagflowTraceEntry? FormatEvent(TraceEvent e) =>
        e.EventType is TraceEventType.NodeFinished or TraceEventType.NodeFailed
            ? new RagflowTraceEntry
            {
                ComponentId = e.ComponentId,
                Trace =
                [
                    new RagflowNodeTrace
                    {
                        Inputs = e.Inputs,
                        Outputs = e.Outputs,
                        ComponentId = e.ComponentId,
                        ComponentName = e.ComponentName,
                        ComponentType = e.ComponentType,
                        Error = e.Error,
                        ElapsedTime = e.ElapsedTime,
                        CreatedAt = e.Timestamp.ToUnixTimeMilliseconds() / 1000.0,
                    },
                ],
            }
            : null;
}
