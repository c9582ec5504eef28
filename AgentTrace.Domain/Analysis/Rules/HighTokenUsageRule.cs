using AgentTrace.Domain.Model;

namespace AgentTrace.Domain.Analysis.Rules;

/// <summary><c>high_token_usage</c>: the run's LLM calls used many tokens in total.</summary>
internal sealed class HighTokenUsageRule : IRecommendationRule
{
    public IEnumerable<Recommendation> Apply(AnalysisContext context)
    {
        var calls = context.Tree.OfKind(SpanKind.Llm)
            .Where(s => s.End?.Llm is not null)
            .Select(s => (Call: s, Tokens: EventFacts.Tokens(s.End!.Llm!)))
            .Where(p => p.Tokens > 0)
            .ToList();
        var total = Counts.Sum(calls, p => p.Tokens);
        if (total < context.Options.HighTokenUsage)
        {
            yield break;
        }

        var top = calls.GroupBy(p => p.Call.ComponentKey).MaxBy(g => Counts.Sum(g, p => p.Tokens))!;
        var component = top.First().Call;
        yield return new Recommendation
        {
            Rule = "high_token_usage",
            Severity = RecommendationSeverity.Warning,
            ComponentId = component.ComponentId,
            Message = $"The run used {Describe.Count(total)} tokens in {calls.Count} LLM calls, {Describe.Count(Counts.Sum(top, p => p.Tokens))} "
                + $"of them in '{component.DisplayName}'; shorten prompts, cache repeated answers, or use a smaller model for simple steps",
            Evidence = calls.Select(p => p.Call.Seq).Order().ToList(),
        };
    }
}
