using System.Globalization;
using AgentTrace.Domain.Analysis;
using AgentTrace.Web.Model;
using Microsoft.AspNetCore.Components;

namespace AgentTrace.Web.Components.Controls;

/// <summary>
/// The waterfall of a trace's spans: a tree by parent with bars placed by start and length, coloured by kind, failures
/// in red and open spans growing until <see cref="LiveSeconds"/>. Rows are virtualized, so large traces stay responsive.
/// </summary>
public partial class TraceTimeline
{
    public const int RowHeight = 28;

    /// <summary>Bars ending past this percent of the width carry their duration inside.</summary>
    private const double LabelInsideFrom = 80;

    private static readonly SpanKind[] s_legend = [SpanKind.Workflow, SpanKind.Node, SpanKind.Llm, SpanKind.Retrieval, SpanKind.Tool, SpanKind.Thinking];

    private readonly HashSet<string> _collapsed = new(StringComparer.Ordinal);
    private List<TimelineRow> _rows = [];
    private TimeAxis _axis = new(0);
    private readonly RebuildGuard _guard = new();
    private string? _search;

    [Parameter]
    [EditorRequired]
    public TraceView View { get; set; } = default!;

    /// <summary>Seconds since the trace's first event; open spans grow to it while the trace runs.</summary>
    [Parameter]
    public double? LiveSeconds { get; set; }

    [Parameter]
    public string? SelectedSpanId { get; set; }

    [Parameter]
    public EventCallback<SpanTiming> OnSelect { get; set; }

    protected override void OnParametersSet()
    {
        if (_guard.NeedsRebuild(View))
        {
            Rebuild();
        }

        var end = View.Analysis.Spans.Count == 0 ? 0 : View.Analysis.Spans.Max(s => s.StartS + s.DurationS);
        _axis = new TimeAxis(Math.Max(Math.Max(View.Analysis.WallTimeS, end), LiveSeconds ?? 0));
    }

    private void Rebuild()
    {
        _rows = TimelineRows.Build(View, _collapsed, _search);
    }

    private double DurationOf(SpanTiming span) =>
        span.Status == SpanStatus.Open && LiveSeconds is { } now ? Math.Max(span.DurationS, now - span.StartS) : span.DurationS;

    private static string BarClass(SpanTiming span) => span.Status switch
    {
        SpanStatus.Failed => "failed",
        SpanStatus.Open => Display.KindClass(span.Kind) + " open",
        SpanStatus.Cancelled => Display.KindClass(span.Kind) + " cancelled",
        _ => Display.KindClass(span.Kind),
    };

    /// <summary>The duration label goes right of the bar, or inside its right end when the bar reaches the far side.</summary>
    private string DurationPosition(SpanTiming span)
    {
        var end = BarEnd(span);
        return end > LabelInsideFrom ? $"right: {Css(100 - end)}%; padding-right: 4px" : $"left: {Css(end)}%; padding-left: 4px";
    }

    private string DurationClass(SpanTiming span) => BarEnd(span) > LabelInsideFrom ? "duration inside" : "duration";

    private double BarEnd(SpanTiming span) => _axis.Percent(span.StartS) + _axis.WidthPercent(span.StartS, DurationOf(span));

    /// <summary>The bar's tooltip: when it started, how long it took, and how much of that was its own work.</summary>
    private string BarTitle(SpanTiming span) =>
        $"starts at +{Display.Duration(span.StartS)} · {Display.Duration(DurationOf(span))} · self {Display.Duration(span.SelfS)}"
        + (View.IsCritical(span) ? " · on the critical path" : "");

    private static string Css(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private void SearchChanged(string? text)
    {
        _search = text;
        Rebuild();
    }

    private void Toggle(SpanTiming span)
    {
        if (!_collapsed.Remove(span.SpanId))
        {
            _collapsed.Add(span.SpanId);
        }

        Rebuild();
    }

    private void ExpandAll()
    {
        _collapsed.Clear();
        Rebuild();
    }

    private void CollapseAll()
    {
        _collapsed.Clear();
        foreach (var span in View.Analysis.Spans.Where(s => s.Kind is SpanKind.Node && View.ChildrenOf(s).Count > 0))
        {
            _collapsed.Add(span.SpanId);
        }

        Rebuild();
    }

    private Task Select(SpanTiming span) => OnSelect.InvokeAsync(span);
}
