using AgentTrace.Domain.Model;

namespace AgentTrace.Domain.Analysis;

/// <summary>
/// The spans of a trace, linked to their parents and placed on the time axis. A declared parent that never arrived
/// leaves the span an orphan root; a span that declares none is placed under its component's enclosing node, else
/// under the workflow. A span without an end runs to the end of the trace.
/// </summary>
internal sealed class SpanTree
{
    private SpanTree(TraceWindow window, IReadOnlyList<Span> spans)
    {
        Window = window;
        Spans = spans;
    }

    public TraceWindow Window { get; }

    /// <summary>All spans, in the order of their first event.</summary>
    public IReadOnlyList<Span> Spans { get; }

    public IEnumerable<Span> Roots => Spans.Where(s => s.Parent is null);

    public IEnumerable<Span> OfKind(SpanKind kind) => Spans.Where(s => s.Kind == kind);

    public static SpanTree Build(TraceSession session, IReadOnlyList<TraceEvent> events)
    {
        var window = TraceWindow.Of(session, events);
        var pairer = SpanPairer.Pair(events);
        var spans = pairer.Spans;
        foreach (var span in spans)
        {
            Measure(span, window);
        }

        var workflow = spans.FirstOrDefault(s => s.Kind == SpanKind.Workflow);
        var nodes = spans.Where(s => s.Kind == SpanKind.Node && s.ComponentId is not null).ToLookup(s => s.ComponentId!);
        foreach (var span in spans)
        {
            var parent = span.DeclaredParentId is { } declared
                ? pairer.ById.GetValueOrDefault(declared)
                : InferredParent(span, workflow, nodes);
            Link(span, parent);
        }

        foreach (var span in spans)
        {
            span.SelfTime = Math.Max(0, span.Duration - Intervals.Covered(span.Children, span.StartOffset, span.EndOffset));
        }

        return new SpanTree(window, spans);
    }

    private static void Measure(Span span, TraceWindow window)
    {
        double duration;
        if (span.End is not { } end)
        {
            duration = (window.End - span.Start!.Timestamp).TotalSeconds;
        }
        else
        {
            duration = end.ElapsedTime
                ?? EventFacts.LatencyMs(end) / 1000
                ?? (span.Start is { } start ? (end.Timestamp - start.Timestamp).TotalSeconds : 0);
        }

        span.Duration = Math.Max(0, duration);
        span.StartedAt = span.Start?.Timestamp ?? span.End!.Timestamp.AddSeconds(-span.Duration);
        span.StartOffset = window.Offset(span.StartedAt);
    }

    private static Span? InferredParent(Span span, Span? workflow, ILookup<string, Span> nodes) => span.Kind switch
    {
        SpanKind.Workflow => null,
        SpanKind.Node => workflow,
        _ => (span.ComponentId is { } component ? nodes[component].LastOrDefault(n => Encloses(n, span)) : null) ?? workflow,
    };

    private static bool Encloses(Span node, Span span) =>
        node.FirstSeq < span.FirstSeq && (node.End is null || node.End.Seq > span.FirstSeq);

    private static void Link(Span span, Span? parent)
    {
        if (parent is null || IsAncestorOrSelf(span, parent))
        {
            span.IsOrphan = span.DeclaredParentId is not null;
            return;
        }

        span.Parent = parent;
        parent.Children.Add(span);
    }

    private static bool IsAncestorOrSelf(Span span, Span candidate)
    {
        for (var at = candidate; at is not null; at = at.Parent)
        {
            if (at == span)
            {
                return true;
            }
        }

        return false;
    }
}
