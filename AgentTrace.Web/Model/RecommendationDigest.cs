using AgentTrace.Domain.Analysis;

namespace AgentTrace.Web.Model;

/// <summary>How often one recommendation rule fired over recent runs, its worst severity, an example, and runs to open.</summary>
public sealed record RecommendationDigest(string Rule, int Runs, RecommendationSeverity Severity, string Example, IReadOnlyList<string> TaskIds)
{
    /// <summary>Groups the recommendations of analysed runs by rule, most frequent first.</summary>
    public static IReadOnlyList<RecommendationDigest> Of(IEnumerable<TraceAnalysis> analyses, int examples = 3) =>
        [.. analyses
            .SelectMany(a => a.Recommendations.DistinctBy(r => r.Rule).Select(r => (a.TaskId, Recommendation: r)))
            .GroupBy(x => x.Recommendation.Rule, StringComparer.Ordinal)
            .Select(g => new RecommendationDigest(
                g.Key,
                g.Count(),
                g.Max(x => x.Recommendation.Severity),
                g.MaxBy(x => x.Recommendation.Severity).Recommendation.Message,
                [.. g.Select(x => x.TaskId).Take(examples)]))
            .OrderByDescending(d => d.Runs)
            .ThenByDescending(d => d.Severity)];
}
