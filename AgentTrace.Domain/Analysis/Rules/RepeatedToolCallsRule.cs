namespace AgentTrace.Domain.Analysis.Rules;

/// <summary><c>repeated_tool_calls</c>: one component called one tool many times in a run.</summary>
internal sealed class RepeatedToolCallsRule : IRecommendationRule
{
    public IEnumerable<Recommendation> Apply(AnalysisContext context) =>
        context.Tree.OfKind(SpanKind.Tool)
            .GroupBy(s => (s.ComponentKey, Tool: s.ToolName ?? "unnamed"))
            .Where(calls => calls.Count() >= context.Options.RepeatedToolCalls)
            .Select(calls => new Recommendation
            {
                Rule = "repeated_tool_calls",
                Severity = RecommendationSeverity.Warning,
                ComponentId = calls.First().ComponentId,
                Message = $"'{calls.First().DisplayName}' called tool '{calls.Key.Tool}' {calls.Count()} times in one run; "
                    + "cache its results, or have the model pass all inputs in one call",
                Evidence = calls.Select(c => c.Seq).Order().ToList(),
            });
}
