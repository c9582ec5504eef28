using AgentTrace.Domain.Model;
using AgentTrace.Web.Model;
using Plotly.Blazor;

namespace AgentTrace.Web.Components.Charts;

/// <summary>The charts of one trace's analysis.</summary>
public static class TraceFigures
{
    /// <summary>Per component, stacked: its own time and the time in its LLM calls, searches and tool calls (seconds).</summary>
    public static Figure ComponentTime(TraceView view)
    {
        var components = view.Analysis.Components.Reverse().ToList();
        var names = components.Select(c => (object)(c.ComponentName ?? c.ComponentId)).ToList();
        IList<ITrace> data = components.Count == 0 ? [] :
        [
            FigureStyle.Bar("Self", components.Select(c => (object)c.SelfS), names, FigureStyle.Node, horizontal: true),
            FigureStyle.Bar("LLM", components.Select(c => (object)c.LlmS), names, FigureStyle.Llm, horizontal: true),
            FigureStyle.Bar("Retrieval", components.Select(c => (object)c.RetrievalS), names, FigureStyle.Retrieval, horizontal: true),
            FigureStyle.Bar("Tool", components.Select(c => (object)c.ToolS), names, FigureStyle.Tool, horizontal: true),
        ];
        return new Figure(data, FigureStyle.Layout(Math.Max(220, 60 + 28 * components.Count), stacked: true, horizontal: true, xTitle: "seconds"));
    }

    /// <summary>How many events of each type the trace has.</summary>
    public static Figure EventDistribution(TraceView view)
    {
        var counts = view.Analysis.EventDistribution.OrderByDescending(p => p.Value).ToList();
        IList<ITrace> data = counts.Count == 0 ? [] :
            [FigureStyle.Bar("Events", counts.Select(p => (object)p.Key), counts.Select(p => (object)p.Value), FigureStyle.Node)];
        var layout = FigureStyle.Layout(280, yTitle: "events");
        layout.ShowLegend = false;
        return new Figure(data, layout);
    }

    /// <summary>Prompt and completion tokens of each finished LLM call, in order.</summary>
    public static Figure TokensPerCall(TraceView view)
    {
        var calls = view.Events.Where(e => e is { EventType: TraceEventType.LlmCallCompleted, Llm: not null }).ToList();
        var names = calls.Select(e => (object)$"#{e.Seq} {e.Llm!.ModelName}").ToList();
        IList<ITrace> data = calls.Count == 0 ? [] :
        [
            FigureStyle.Bar("Prompt", names, calls.Select(e => (object)(e.Llm!.PromptTokens ?? 0)), FigureStyle.Prompt),
            FigureStyle.Bar("Completion", names, calls.Select(e => (object)(e.Llm!.CompletionTokens ?? 0)), FigureStyle.Completion),
        ];
        return new Figure(data, FigureStyle.Layout(280, yTitle: "tokens", stacked: true));
    }
}
