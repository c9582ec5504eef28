using Stopwatch = System.Diagnostics.Stopwatch;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using AgentTrace.Domain.Agents.Definitions;
using AgentTrace.Domain.Agents.Knowledge;
using AgentTrace.Domain.Agents.Runtime;
using AgentTrace.Domain.Model;

namespace AgentTrace.Domain.Agents.Components;

/// <summary>
/// Searches knowledge bases and records the search as a retrieval span with every chunk, its document and score.
/// Outputs <c>content</c> (the chunks as numbered text, for prompts) and <c>chunks</c>.
/// </summary>
public sealed class RetrievalComponent : AgentComponent
{
    public override string Type => ComponentTypes.Retrieval;

    public const int DefaultTopK = 5;
    public const double DefaultThreshold = 0.2;

    public override JsonObject Inputs(ComponentRun component)
    {
        var definition = component.Definition;
        return new JsonObject
        {
            ["query"] = component.Run.Render(definition.Query ?? "{sys.query}"),
            ["knowledge_bases"] = Json.Array(definition.KnowledgeBases!),
            ["top_k"] = definition.TopK ?? DefaultTopK,
            ["similarity_threshold"] = definition.SimilarityThreshold ?? DefaultThreshold,
        };
    }

    public override string Thoughts(ComponentRun component, JsonObject inputs) =>
        $"Searching {string.Join(", ", component.Definition.KnowledgeBases!)} for \"{inputs["query"]}\"";

    public override async Task<ComponentResult> RunAsync(ComponentRun component, JsonObject inputs, CancellationToken cancellationToken)
    {
        var query = inputs["query"]!.GetValue<string>();
        var bases = component.Definition.KnowledgeBases!;
        var topK = inputs["top_k"]!.GetValue<int>();
        var threshold = inputs["similarity_threshold"]!.GetValue<double>();
        var request = new RetrievalPayload
        {
            RetrievalId = TraceIds.NewSpanId(),
            Query = query,
            KnowledgeBases = bases,
            TopK = topK,
            SimilarityThreshold = threshold,
            RerankEnabled = false,
        };
        var spanId = TraceIds.NewSpanId();
        await component.Scope.RecordAsync(new TraceEvent { EventType = TraceEventType.RetrievalStarted, SpanId = spanId, Retrieval = request }, cancellationToken).ConfigureAwait(false);
        var started = Stopwatch.GetTimestamp();
        IReadOnlyList<KnowledgeHit> hits;
        try
        {
            hits = await Task.Run(() => component.Run.Services.Knowledge.Search(bases, query, topK, threshold), cancellationToken)
                .WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            await RecordEndAsync(component, spanId, request, [], started, ex is OperationCanceledException ? "the search was cancelled" : $"the search failed: {ex.Message}").ConfigureAwait(false);
            throw;
        }

        await RecordEndAsync(component, spanId, request, hits, started, null).ConfigureAwait(false);
        var chunks = new JsonArray([.. hits.Select(h => (JsonNode)new JsonObject
        {
            ["chunk_id"] = h.Chunk.ChunkId,
            ["document_name"] = h.Chunk.DocumentName,
            ["content"] = h.Chunk.Content,
            ["score"] = h.Score,
        })]);
        return new ComponentResult(new JsonObject { ["content"] = Content(hits), ["chunks"] = chunks });
    }

    /// <summary>The chunks as numbered text: <c>[1] document.md</c>, then the chunk.</summary>
    public static string Content(IReadOnlyList<KnowledgeHit> hits)
    {
        var text = new StringBuilder();
        for (var i = 0; i < hits.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"[{i + 1}] {hits[i].Chunk.DocumentName}\n{hits[i].Chunk.Content}\n\n");
        }

        return text.ToString().TrimEnd();
    }

    // The end of the span is recorded even when the run was cancelled, so that no span is left open.
    private static ValueTask RecordEndAsync(ComponentRun component, string spanId, RetrievalPayload request, IReadOnlyList<KnowledgeHit> hits, long started, string? error)
    {
        var latency = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return component.Scope.RecordAsync(new TraceEvent
        {
            EventType = TraceEventType.RetrievalCompleted,
            SpanId = spanId,
            Error = error,
            ElapsedTime = latency / 1000,
            Retrieval = request with
            {
                ChunksRetrieved = hits.Count,
                LatencyMs = Math.Round(latency, 3),
                Chunks = [.. hits.Select(h => new RetrievedChunk
                {
                    ChunkId = h.Chunk.ChunkId,
                    DocumentId = h.Chunk.DocumentId,
                    DocumentName = h.Chunk.DocumentName,
                    Content = h.Chunk.Content,
                    Score = h.Score,
                })],
            },
        }, CancellationToken.None);
    }
}
