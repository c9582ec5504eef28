namespace AgentTrace.Domain.Analysis.Rules;

/// <summary>One check of a run; each recommendation it makes names the events that made it fire.</summary>
internal interface IRecommendationRule
{
    IEnumerable<Recommendation> Apply(AnalysisContext context);
}
