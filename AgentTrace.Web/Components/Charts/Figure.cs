using Plotly.Blazor;
using PlotLayout = Plotly.Blazor.Layout;

namespace AgentTrace.Web.Components.Charts;

/// <summary>What one chart draws: its traces and layout. A new figure replaces the old one whole.</summary>
public sealed record Figure(IList<ITrace> Data, PlotLayout Layout)
{
    public bool IsEmpty => Data.Count == 0;
}
