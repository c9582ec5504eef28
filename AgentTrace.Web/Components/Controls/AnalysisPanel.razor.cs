using AgentTrace.Domain.Analysis;
using AgentTrace.Web.Components.Charts;
using AgentTrace.Web.Model;
using Microsoft.AspNetCore.Components;

namespace AgentTrace.Web.Components.Controls;

/// <summary>Where a run's time and tokens went, what slowed it, and what to change, each finding linked to its steps.</summary>
public partial class AnalysisPanel
{
    private const int MaxEvidence = 12;

    private Figure _componentTime = default!;
    private Figure _tokens = default!;
    private Figure _events = default!;
    private TraceView? _builtFrom;
    private int _builtVersion = -1;

    [Parameter]
    [EditorRequired]
    public TraceView View { get; set; } = default!;

    /// <summary>Called with the seq of an evidence event to open its step.</summary>
    [Parameter]
    public EventCallback<long> OnEvidence { get; set; }

    private TraceAnalysis Analysis => View.Analysis;

    protected override void OnParametersSet()
    {
        if (ReferenceEquals(_builtFrom, View) && _builtVersion == View.Version)
        {
            return;
        }

        _builtFrom = View;
        _builtVersion = View.Version;
        _componentTime = TraceFigures.ComponentTime(View);
        _tokens = TraceFigures.TokensPerCall(View);
        _events = TraceFigures.EventDistribution(View);
    }
}
