namespace AgentTrace.Domain.Analysis.Rules;

/// <summary><c>empty_retrieval</c>: searches of a component returned no chunk at all.</summary>
internal sealed class EmptyRetrievalRule : IRecommendationRule
{
    public IEnumerable<Recommendation> Apply(AnalysisContext context)
    {
        foreach (var searches in context.Tree.OfKind(SpanKind.Retrieval).Where(s => s.End is not null).GroupBy(s => s.ComponentKey))
        {
            var empty = searches.Where(s => CallStatistics.Chunks(s) == 0).ToList();
            if (empty.Count == 0)
            {
                continue;
            }

            var source = empty[0].KnowledgeBases is { Count: > 0 } bases ? string.Join(", ", bases) : "its knowledge bases";
            var threshold = empty[0].SimilarityThreshold is { } t ? $"the similarity threshold ({Describe.Score(t)})" : "the similarity threshold";
            yield return new Recommendation
            {
                Rule = "empty_retrieval",
                Severity = RecommendationSeverity.Warning,
                ComponentId = empty[0].ComponentId,
                Message = $"Retrieval in '{empty[0].DisplayName}' returned no chunks from {source} in {empty.Count} of "
                    + $"{searches.Count()} searches; lower {threshold}, raise top_k, or check that the knowledge base is indexed",
                Evidence = empty.Select(s => s.Seq).Order().ToList(),
            };
        }
    }
}
