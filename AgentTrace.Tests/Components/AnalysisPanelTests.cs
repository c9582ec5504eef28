using AgentTrace.Domain.Analysis;
using AgentTrace.Domain.Model;
using AgentTrace.Tests.Support;
using AgentTrace.Web.Components.Charts;
using AgentTrace.Web.Components.Controls;
using AgentTrace.Web.Model;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace AgentTrace.Tests.Components;

public sealed class AnalysisPanelTests : DashboardTest
{
    [Fact]
    public void Analysis_FailedRun_ListsRecommendationsWithEvidenceLinks()
    {
        long? opened = null;
        var panel = Render<AnalysisPanel>(p => p
            .Add(x => x.View, View(DemoRuns.ToolAgent(failTool: true), TraceStatus.Failed))
            .Add(x => x.OnEvidence, seq => opened = seq));

        var first = panel.FindAll("[data-test=recommendation]")[0];
        Assert.Contains("failing_component", first.TextContent);
        Assert.Contains("critical", first.TextContent);
        first.QuerySelector("[data-test=evidence]")!.Click();
        Assert.Equal(18, opened);
    }

    [Fact]
    public void Analysis_Charts_DrawComponentsTokensAndEvents()
    {
        var panel = Render<AnalysisPanel>(p => p.Add(x => x.View, View(DemoRuns.ToolAgent())));

        var charts = panel.FindComponents<Chart>().ToDictionary(c => c.Instance.TestId!, c => c.Instance.Figure);
        Assert.Equal(4, charts["chart-components"].Data.Count);
        Assert.Equal(2, charts["chart-tokens"].Data.Count);
        var events = (Plotly.Blazor.Traces.Bar)charts["chart-events"].Data.Single();
        Assert.Equal(DemoRuns.ToolAgent().Events.Count, events.Y.Sum(y => (int)y));
    }

    [Fact]
    public void Analysis_Bottlenecks_ShowShareOfTheRun()
    {
        var panel = Render<AnalysisPanel>(p => p.Add(x => x.View, View(SampleRuns.Rag())));

        var rows = panel.FindAll("[data-test=bottlenecks] tbody tr");
        Assert.Contains(rows, row => row.TextContent.Contains("Answer") && row.TextContent.Contains('%'));
    }

    private TraceView View(TraceBuilder run, TraceStatus status = TraceStatus.Completed) =>
        new(run.Session(status), run.Events, Services.GetRequiredService<TraceAnalyzer>());
}
