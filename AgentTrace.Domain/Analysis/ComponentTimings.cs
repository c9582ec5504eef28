namespace AgentTrace.Domain.Analysis;

/// <summary>Per-component time from the node spans, keyed by component id (two nodes with one label stay apart).</summary>
internal static class ComponentTimings
{
    public static IReadOnlyList<ComponentTiming> Of(SpanTree tree) =>
        tree.OfKind(SpanKind.Node)
            .GroupBy(s => s.ComponentKey, StringComparer.Ordinal)
            .Select(runs => Timing([.. runs], tree.Window.WallSeconds))
            .ToList();

    private static ComponentTiming Timing(List<Span> runs, double wall)
    {
        var total = runs.Sum(r => r.Duration);
        return new ComponentTiming
        {
            ComponentId = runs[0].ComponentKey,
            ComponentName = runs.Select(r => r.ComponentName).FirstOrDefault(n => n is not null),
            ComponentType = runs.Select(r => r.ComponentType).FirstOrDefault(t => t is not null),
            Runs = runs.Count,
            Failures = runs.Count(r => r.Status == SpanStatus.Failed),
            TotalS = Math.Round(total, 3),
            MeanS = Math.Round(total / runs.Count, 3),
            MaxS = Math.Round(runs.Max(r => r.Duration), 3),
            Share = wall > 0 ? Math.Round(Math.Min(1, Intervals.Covered(runs) / wall), 3) : 0,
            SelfS = Math.Round(runs.Sum(r => r.SelfTime), 3),
            LlmS = ChildTime(runs, SpanKind.Llm),
            RetrievalS = ChildTime(runs, SpanKind.Retrieval),
            ToolS = ChildTime(runs, SpanKind.Tool),
        };
    }

    private static double ChildTime(List<Span> runs, SpanKind kind) =>
        Math.Round(runs.Sum(r => Intervals.Covered(r.Children.Where(c => c.Kind == kind), r.StartOffset, r.EndOffset)), 3);
}
