using AgentTrace.Domain.Model;

namespace AgentTrace.Domain.Analysis.Rules;

/// <summary><c>unfinished_span</c>: a finished run has steps whose end was never recorded.</summary>
internal sealed class UnfinishedSpanRule : IRecommendationRule
{
    public IEnumerable<Recommendation> Apply(AnalysisContext context)
    {
        var open = context.Session.IsFinished ? context.Tree.Spans.Where(s => s.End is null).ToList() : [];
        if (open.Count == 0)
        {
            yield break;
        }

        var named = string.Join(", ", open.Take(3).Select(Label));
        yield return new Recommendation
        {
            Rule = "unfinished_span",
            Severity = RecommendationSeverity.Warning,
            ComponentId = open[0].ComponentId,
            Message = $"{open.Count} step{(open.Count == 1 ? "" : "s")} of this {context.Session.Status.Name()} run never recorded "
                + $"an end: {named}{(open.Count > 3 ? ", ..." : "")}; record the end of every started step, also when it fails "
                + "or is cancelled, so its time and result are known",
            Evidence = open.Select(s => s.Seq).Order().ToList(),
        };
    }

    private static string Label(Span span) => span.Kind switch
    {
        SpanKind.Workflow => "the workflow",
        SpanKind.Node => $"node '{span.DisplayName}'",
        SpanKind.Llm => $"an LLM call of '{span.DisplayName}'",
        SpanKind.Retrieval => $"a retrieval of '{span.DisplayName}'",
        SpanKind.Tool => $"tool '{span.ToolName ?? "unnamed"}' of '{span.DisplayName}'",
        _ => $"thinking of '{span.DisplayName}'",
    };
}
