
namespace AgentTrace.Domain.Analysis.Rules;

/// <summary><c>failing_component</c>: a component failed or reported errors.</summary>
internal sealed class FailingComponentRule : IRecommendationRule
{
    public IEnumerable<Recommendation> Apply(AnalysisContext context) =>
        context.Errors
            .Where(e => e.ComponentId is not null)
            .GroupBy(e => e.ComponentId!, StringComparer.Ordinal)
            .Select(errors =>
            {
                var timing = context.Components.FirstOrDefault(c => c.ComponentId == errors.Key);
                var name = errors.First().ComponentName ?? timing?.ComponentName ?? errors.Key;
                var what = timing is { Failures: > 0 }
                    ? $"failed {timing.Failures} of {timing.Runs} runs"
                    : $"reported {errors.Count()} error{(errors.Count() == 1 ? "" : "s")}";
                return new Recommendation
                {
                    Rule = "failing_component",
                    Severity = RecommendationSeverity.Critical,
                    ComponentId = errors.Key,
                    Message = $"'{name}' {what}: \"{TextPreview.Shorten(errors.First().Message, 120)}\"; fix the cause, "
                        + "or give it a retry or a fallback path so the run can finish",
                    Evidence = errors.Select(e => e.Seq).Order().ToList(),
                };
            });
}
