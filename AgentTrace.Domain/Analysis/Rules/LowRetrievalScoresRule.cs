namespace AgentTrace.Domain.Analysis.Rules;

/// <summary>
/// <c>low_retrieval_scores</c>: the best chunk of a component's searches scored low. Needs the chunks' scores,
/// which a minimal-level trace does not keep.
/// </summary>
internal sealed class LowRetrievalScoresRule : IRecommendationRule
{
    public IEnumerable<Recommendation> Apply(AnalysisContext context)
    {
        var limit = context.Options.LowRetrievalScore;
        foreach (var searches in context.Tree.OfKind(SpanKind.Retrieval).GroupBy(s => s.ComponentKey))
        {
            var scored = searches
                .Select(s => (Search: s, Top: s.End?.Retrieval is { } r ? EventFacts.TopScore(r) : null))
                .Where(p => p.Top is not null)
                .ToList();
            var weak = scored.Where(p => p.Top < limit).ToList();
            if (weak.Count == 0)
            {
                continue;
            }

            var first = weak[0].Search;
            var source = first.KnowledgeBases is { Count: > 0 } bases ? string.Join(", ", bases) : "the knowledge base";
            yield return new Recommendation
            {
                Rule = "low_retrieval_scores",
                Severity = RecommendationSeverity.Warning,
                ComponentId = first.ComponentId,
                Message = $"Retrieval in '{first.DisplayName}' found only weak matches in {weak.Count} of {scored.Count} searches "
                    + $"(best score {Describe.Score(weak.Max(p => p.Top!.Value))}, below {Describe.Score(limit)}); rewrite the "
                    + $"query before searching, enable reranking, or improve how {source} is chunked and embedded",
                Evidence = weak.Select(p => p.Search.Seq).Order().ToList(),
            };
        }
    }
}
