namespace AgentTrace.Domain.Analysis.Rules;

/// <summary><c>large_prompt</c>: a component sent very large prompts to an LLM.</summary>
internal sealed class LargePromptRule : IRecommendationRule
{
    public IEnumerable<Recommendation> Apply(AnalysisContext context)
    {
        var limit = context.Options.LargePromptTokens;
        return context.Tree.OfKind(SpanKind.Llm)
            .Where(s => s.End?.Llm?.PromptTokens >= limit)
            .GroupBy(s => s.ComponentKey)
            .Select(calls =>
            {
                var largest = calls.MaxBy(c => c.End!.Llm!.PromptTokens)!;
                return new Recommendation
                {
                    Rule = "large_prompt",
                    Severity = RecommendationSeverity.Warning,
                    ComponentId = largest.ComponentId,
                    Message = $"'{largest.DisplayName}' sent up to {Describe.Count(largest.End!.Llm!.PromptTokens!.Value)} prompt tokens "
                        + $"to {largest.ModelName ?? "its model"} in one call ({calls.Count()} of its calls had {Describe.Count(limit)} or more); "
                        + "send fewer or shorter chunks, or summarise the conversation history",
                    Evidence = calls.Select(c => c.Seq).Order().ToList(),
                };
            });
    }
}
