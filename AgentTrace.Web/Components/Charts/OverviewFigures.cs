using AgentTrace.Domain.Model;
using AgentTrace.Web.Model;
using Plotly.Blazor;
using Plotly.Blazor.Traces;

namespace AgentTrace.Web.Components.Charts;

/// <summary>The overview's charts over recent traces.</summary>
public static class OverviewFigures
{
    private static readonly (TraceStatus Status, string Color)[] s_statuses =
    [
        (TraceStatus.Completed, FigureStyle.Completed),
        (TraceStatus.Failed, FigureStyle.Failed),
        (TraceStatus.Running, FigureStyle.Running),
        (TraceStatus.Cancelled, FigureStyle.Cancelled),
        (TraceStatus.Interrupted, FigureStyle.Grey),
    ];

    public static Figure RunsOverTime(OverviewStats stats)
    {
        var x = stats.BucketStarts.Select(b => (object)b.UtcDateTime).ToList();
        IList<ITrace> data = stats.Traces.Count == 0 ? [] :
            [.. s_statuses
                .Select(s => (s, Counts: stats.CountsOverTime(s.Status)))
                .Where(s => s.Counts.Any(c => c > 0))
                .Select(s => FigureStyle.Bar(s.s.Status.Name(), x, s.Counts.Select(c => (object)c), s.s.Color))];
        return new Figure(data, FigureStyle.Layout(280, yTitle: "runs", stacked: true));
    }

    public static Figure DurationPerAgent(OverviewStats stats)
    {
        var agents = stats.Agents.Where(a => a.P50 is not null).ToList();
        var names = agents.Select(a => (object)a.AgentId).ToList();
        IList<ITrace> data = agents.Count == 0 ? [] :
        [
            FigureStyle.Bar("p50", names, agents.Select(a => (object)Math.Round(a.P50!.Value, 3)), FigureStyle.Node),
            FigureStyle.Bar("p95", names, agents.Select(a => (object)Math.Round(a.P95!.Value, 3)), FigureStyle.Llm),
        ];
        return new Figure(data, FigureStyle.Layout(280, yTitle: "seconds"));
    }

    public static Figure TokensPerAgent(OverviewStats stats)
    {
        var agents = stats.Agents.Where(a => a.Tokens > 0).OrderByDescending(a => a.Tokens).ToList();
        IList<ITrace> data = agents.Count == 0 ? [] :
            [FigureStyle.Bar("tokens", agents.Select(a => (object)a.AgentId), agents.Select(a => (object)a.Tokens), FigureStyle.Completion)];
        var layout = FigureStyle.Layout(280, yTitle: "tokens");
        layout.ShowLegend = false;
        return new Figure(data, layout);
    }

    public static Figure ErrorRateOverTime(OverviewStats stats)
    {
        var rates = stats.ErrorRateOverTime();
        IList<ITrace> data = rates.All(r => r is null) ? [] :
        [
            new Scatter
            {
                Name = "error rate",
                X = [.. stats.BucketStarts.Select(b => (object)b.UtcDateTime)],
                Y = [.. rates.Select(r => (object?)(r is { } v ? Math.Round(v * 100, 1) : null))!],
                Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines | Plotly.Blazor.Traces.ScatterLib.ModeFlag.Markers,
                ConnectGaps = true,
                Line = new Plotly.Blazor.Traces.ScatterLib.Line { Color = FigureStyle.Failed },
                Marker = new Plotly.Blazor.Traces.ScatterLib.Marker { Color = FigureStyle.Failed },
            },
        ];
        var layout = FigureStyle.Layout(280, yTitle: "% of finished runs failed");
        layout.ShowLegend = false;
        return new Figure(data, layout);
    }
}
