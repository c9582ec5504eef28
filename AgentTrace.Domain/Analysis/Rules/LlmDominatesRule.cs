namespace AgentTrace.Domain.Analysis.Rules;

/// <summary><c>llm_dominates</c>: most of the run's wall time was spent waiting for LLM calls.</summary>
internal sealed class LlmDominatesRule : IRecommendationRule
{
    public IEnumerable<Recommendation> Apply(AnalysisContext context)
    {
        var calls = context.Tree.OfKind(SpanKind.Llm).ToList();
        var seconds = Intervals.Covered(calls);
        var wall = context.WallSeconds;
        if (wall <= 0 || seconds < context.Options.MinSlowSeconds || seconds / wall < context.Options.LlmDominatesShare)
        {
            yield break;
        }

        var component = calls.GroupBy(c => c.ComponentKey).MaxBy(g => g.Sum(c => c.Duration))!.First();
        var model = calls.GroupBy(c => c.ModelName ?? "an unnamed model").MaxBy(g => g.Sum(c => c.Duration))!.Key;
        yield return new Recommendation
        {
            Rule = "llm_dominates",
            Severity = RecommendationSeverity.Warning,
            ComponentId = component.ComponentId,
            Message = $"LLM calls took {Describe.Percent(Math.Min(1, seconds / wall))} of the run ({Describe.Duration(seconds)} of "
                + $"{Describe.Duration(wall)}), most of it in '{component.DisplayName}' with {model}; use a smaller model where the "
                + "step is simple, cut prompt and completion tokens, or run independent calls in parallel",
            Evidence = calls.Select(c => c.Seq).Order().ToList(),
        };
    }
}
