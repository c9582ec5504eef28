namespace AgentTrace.Domain.Analysis;

/// <summary>The span list and the critical path of a span tree.</summary>
internal static class SpanTimings
{
    /// <summary>Slack when comparing an end with a start, for clocks that disagree by rounding.</summary>
    private const double Slack = 1e-6;

    public static IReadOnlyList<SpanTiming> All(SpanTree tree) => tree.Spans.Select(Of).ToList();

    /// <summary>
    /// The spans that set the end time, in time order: the root that ended last (orphans only when there is no other
    /// root), then in each span the chain of children found by walking back from the child that ended last, each
    /// followed by its own chain. Of parallel siblings, only the one that ended last is on the path.
    /// </summary>
    public static IReadOnlyList<SpanTiming> CriticalPath(SpanTree tree)
    {
        var roots = tree.Roots.ToList();
        var root = roots.Where(r => !r.IsOrphan).MaxBy(r => r.EndOffset) ?? roots.MaxBy(r => r.EndOffset);
        var path = new List<SpanTiming>();
        var pending = new Stack<Span>();
        if (root is not null)
        {
            pending.Push(root);
        }

        while (pending.TryPop(out var span))
        {
            path.Add(Of(span));
            var chain = Chain(span);
            for (var i = chain.Count - 1; i >= 0; i--)
            {
                pending.Push(chain[i]);
            }
        }

        return path;
    }

    /// <summary>
    /// The children that ran one after another up to the span's end, earliest first: walking back from the child that
    /// ended last, each time the child that ended last before the current one started.
    /// </summary>
    private static List<Span> Chain(Span span)
    {
        var chain = new List<Span>();
        var before = double.PositiveInfinity;
        foreach (var child in span.Children.OrderByDescending(c => c.EndOffset))
        {
            if (child.EndOffset <= before)
            {
                chain.Add(child);
                before = child.StartOffset + Slack;
            }
        }

        chain.Reverse();
        return chain;
    }

    private static SpanTiming Of(Span span) => new()
    {
        SpanId = span.Id,
        ParentSpanId = span.Parent?.Id ?? span.DeclaredParentId,
        Kind = span.Kind,
        Status = span.Status,
        ComponentId = span.ComponentId,
        ComponentName = span.ComponentName,
        StartSeq = span.Start?.Seq,
        EndSeq = span.End?.Seq,
        StartS = Math.Round(span.StartOffset, 3),
        DurationS = Math.Round(span.Duration, 3),
        SelfS = Math.Round(span.SelfTime, 3),
        Orphan = span.IsOrphan,
    };
}
