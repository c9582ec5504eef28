using AgentTrace.Domain.Model;

namespace AgentTrace.Domain.Analysis;

/// <summary>Roll-ups of the completed LLM, retrieval and tool spans; open calls have no result to count.</summary>
internal static class CallStatistics
{
    public static IReadOnlyList<ModelUsage> Models(SpanTree tree) =>
        Completed(tree, SpanKind.Llm)
            .GroupBy(s => s.ModelName ?? "unknown", StringComparer.Ordinal)
            .Select(calls => new ModelUsage
            {
                ModelName = calls.Key,
                Calls = calls.Count(),
                PromptTokens = Counts.Sum(calls, c => c.End!.Llm?.PromptTokens ?? 0),
                CompletionTokens = Counts.Sum(calls, c => c.End!.Llm?.CompletionTokens ?? 0),
                TotalTokens = Counts.Sum(calls, c => c.End!.Llm is { } llm ? EventFacts.Tokens(llm) : 0),
                MeanLatencyMs = Math.Round(calls.Average(LatencyMs), 1),
                MaxLatencyMs = Math.Round(calls.Max(LatencyMs), 1),
            })
            .ToList();

    public static RetrievalStats Retrieval(SpanTree tree)
    {
        var searches = Completed(tree, SpanKind.Retrieval).ToList();
        if (searches.Count == 0)
        {
            return RetrievalStats.None;
        }

        var tops = searches.Select(s => s.End!.Retrieval is { } r ? EventFacts.TopScore(r) : null).OfType<double>().ToList();
        return new RetrievalStats
        {
            Calls = searches.Count,
            Chunks = Counts.Sum(searches, Chunks),
            Empty = searches.Count(s => Chunks(s) == 0),
            MeanTopScore = tops.Count > 0 ? Math.Round(tops.Average(), 3) : null,
            MeanLatencyMs = Math.Round(searches.Average(LatencyMs), 1),
        };
    }

    public static IReadOnlyList<ToolUsage> Tools(SpanTree tree) =>
        Completed(tree, SpanKind.Tool)
            .GroupBy(s => s.ToolName ?? "unknown", StringComparer.Ordinal)
            .Select(calls => new ToolUsage
            {
                ToolName = calls.Key,
                Calls = calls.Count(),
                Errors = calls.Count(c => c.Status == SpanStatus.Failed),
                MeanLatencyMs = Math.Round(calls.Average(LatencyMs), 1),
            })
            .ToList();

    /// <summary>The chunks a completed search returned.</summary>
    public static long Chunks(Span search) => search.End?.Retrieval is { } r ? EventFacts.Chunks(r) : 0;

    /// <summary>The latency the call reported, else its measured duration.</summary>
    private static double LatencyMs(Span call) => EventFacts.LatencyMs(call.End!) ?? call.Duration * 1000;

    private static IEnumerable<Span> Completed(SpanTree tree, SpanKind kind) => tree.OfKind(kind).Where(s => s.End is not null);
}
