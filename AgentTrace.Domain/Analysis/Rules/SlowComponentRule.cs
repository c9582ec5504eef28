namespace AgentTrace.Domain.Analysis.Rules;

/// <summary><c>slow_component</c>: a bottleneck, with where its time went and what to do about that.</summary>
internal sealed class SlowComponentRule : IRecommendationRule
{
    public IEnumerable<Recommendation> Apply(AnalysisContext context) =>
        context.Bottlenecks.Select(c => new Recommendation
        {
            Rule = "slow_component",
            Severity = RecommendationSeverity.Warning,
            ComponentId = c.ComponentId,
            Message = $"'{c.ComponentName ?? c.ComponentId}' took {Describe.Percent(c.Share)} of the run "
                + $"({Describe.Duration(c.TotalS)} of {Describe.Duration(context.WallSeconds)}{Runs(c)}); {Advice(c)}",
            Evidence = context.Tree.OfKind(SpanKind.Node).Where(s => s.ComponentKey == c.ComponentId).Select(s => s.Seq).Order().ToList(),
        });

    private static string Runs(ComponentTiming c) => c.Runs == 1 ? "" : $" over {c.Runs} runs";

    private static string Advice(ComponentTiming c)
    {
        var largest = Math.Max(Math.Max(c.LlmS, c.RetrievalS), Math.Max(c.ToolS, c.SelfS));
        if (largest > 0 && largest == c.LlmS)
        {
            return $"{Describe.Duration(c.LlmS)} of it waiting for LLM calls: use a faster model for this step, lower max_tokens or stream the answer";
        }

        if (largest > 0 && largest == c.RetrievalS)
        {
            return $"{Describe.Duration(c.RetrievalS)} of it in retrieval: lower top_k, cache frequent queries or check the knowledge base's index";
        }

        if (largest > 0 && largest == c.ToolS)
        {
            return $"{Describe.Duration(c.ToolS)} of it in tool calls: cache their results, set timeouts or run independent calls in parallel";
        }

        return $"{Describe.Duration(c.SelfS)} of it in its own work, outside LLM, retrieval and tool calls: profile it or cache its result";
    }
}
