using AgentTrace.Domain.Analysis;
using AgentTrace.Web.Components.Charts;
using AgentTrace.Web.Model;
using Microsoft.AspNetCore.Components;

namespace AgentTrace.Web.Components.Controls;

/// <summary>Where a run's time and tokens went, what slowed it, and what to change, each finding linked to its steps.</summary>
public partial class AnalysisPanel
{
    private const int MaxEvidence = 12;

    /// <summary>Long lists (critical path, errors) show this many entries; a run of thousands of steps stays quick to draw.</summary>
    private const int MaxListed = 50;

    private Figure _componentTime = default!;
    private Figure _tokens = default!;
    private Figure _events = default!;
    private readonly RebuildGuard _guard = new();

    [Parameter]
    [EditorRequired]
    public TraceView View { get; set; } = default!;

    /// <summary>Called with the seq of an evidence event to open its step.</summary>
    [Parameter]
    public EventCallback<long> OnEvidence { get; set; }

    private List<SpanTiming> _criticalSteps = [];

    private TraceAnalysis Analysis => View.Analysis;

    /// <summary>The critical path without the workflow itself, which is always on it.</summary>
    private List<SpanTiming> CriticalSteps => _criticalSteps;

    protected override void OnParametersSet()
    {
        if (!_guard.NeedsRebuild(View))
        {
            return;
        }

        _componentTime = TraceFigures.ComponentTime(View);
        _tokens = TraceFigures.TokensPerCall(View);
        _events = TraceFigures.EventDistribution(View);
        _criticalSteps = [.. Analysis.CriticalPath.Where(s => s.Kind != SpanKind.Workflow)];
    }
}
