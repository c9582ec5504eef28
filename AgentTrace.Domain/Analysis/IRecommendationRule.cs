namespace AgentTrace.Domain.Analysis;

/// <summary>One check of a run; each recommendation it makes names the events that made it fire. Rules are registered with the analyzer.</summary>
internal interface IRecommendationRule
{
    IEnumerable<Recommendation> Apply(AnalysisContext context);
}
