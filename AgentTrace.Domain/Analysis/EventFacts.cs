using AgentTrace.Domain.Model;

namespace AgentTrace.Domain.Analysis;

/// <summary>Figures read from an event's payload, recorded at every level (counts, scores, latencies).</summary>
internal static class EventFacts
{
    public static double? LatencyMs(TraceEvent e) => e.Llm?.LatencyMs ?? e.Retrieval?.LatencyMs ?? e.Tool?.LatencyMs;

    public static long Tokens(LlmPayload llm) => llm.TotalTokens ?? Counts.Add(llm.PromptTokens ?? 0, llm.CompletionTokens ?? 0);

    public static long Chunks(RetrievalPayload retrieval) => retrieval.ChunksRetrieved ?? retrieval.Chunks?.Count ?? 0;

    /// <summary>The best score among the kept chunks; null when no chunk with a score was kept.</summary>
    public static double? TopScore(RetrievalPayload retrieval) => retrieval.Chunks?.Max(c => c.Score);
}
