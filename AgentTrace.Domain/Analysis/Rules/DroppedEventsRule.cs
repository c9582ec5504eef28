namespace AgentTrace.Domain.Analysis.Rules;

/// <summary><c>dropped_events</c>: the store refused some of the run's events, so every figure here is incomplete.</summary>
internal sealed class DroppedEventsRule : IRecommendationRule
{
    public IEnumerable<Recommendation> Apply(AnalysisContext context)
    {
        var dropped = context.Session.Summary.DroppedEvents;
        if (dropped == 0)
        {
            yield break;
        }

        yield return new Recommendation
        {
            Rule = "dropped_events",
            Severity = RecommendationSeverity.Critical,
            Message = $"{Describe.Count(dropped)} events of this run were not stored because it reached the store's limit of "
                + $"events per trace, so this analysis covers only the {Describe.Count(context.Events.Count)} stored ones; raise "
                + "the limit or record this agent at a lower level",
            Evidence = [],
        };
    }
}
