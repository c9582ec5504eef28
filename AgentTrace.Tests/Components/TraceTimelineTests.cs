using AgentTrace.Domain.Analysis;
using AgentTrace.Domain.Model;
using AgentTrace.Tests.Support;
using AgentTrace.Web.Components.Controls;
using AgentTrace.Web.Model;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace AgentTrace.Tests.Components;

public sealed class TraceTimelineTests : DashboardTest
{
    [Fact]
    public void Timeline_Rows_AreTheSpanTreeInTimeOrderWithDepth()
    {
        var timeline = Render<TraceTimeline>(p => p.Add(x => x.View, View(SampleRuns.Rag())));

        var labels = timeline.FindAll("[data-test=timeline-row] .label").Select(l => l.TextContent).ToList();
        Assert.Equal(["agent-1", "Begin", "Retrieve", "search kb_docs", "Answer", "gpt-4o", "Reply"], labels);
        var llm = timeline.Find("[data-test=timeline-row][data-kind=llm] .name");
        Assert.Contains("padding-left: 36px", llm.GetAttribute("style"));
    }

    [Fact]
    public void Timeline_CollapseNode_HidesItsCallsUntilExpanded()
    {
        var timeline = Render<TraceTimeline>(p => p.Add(x => x.View, View(SampleRuns.Rag())));

        timeline.FindAll("[data-test=timeline-row]").Single(r => r.TextContent.Contains("Answer")).QuerySelector("button.toggle")!.Click();

        Assert.Empty(timeline.FindAll("[data-test=timeline-row][data-kind=llm]"));
        Assert.Equal(6, timeline.FindAll("[data-test=timeline-row]").Count);
        timeline.FindAll("button").Single(b => b.TextContent.Contains("Expand all")).Click();
        Assert.Single(timeline.FindAll("[data-test=timeline-row][data-kind=llm]"));
    }

    [Fact]
    public void Timeline_Search_KeepsMatchesAndTheirAncestors()
    {
        var timeline = Render<TraceTimeline>(p => p.Add(x => x.View, View(DemoRuns.ToolAgent())));

        timeline.Find(".search input").Input("2340 * 0.17");

        timeline.WaitForAssertion(() => Assert.Equal(["agent-1", "Solve", "calculator", "calculator"],
            timeline.FindAll("[data-test=timeline-row] .label").Select(l => l.TextContent)));
        Assert.Equal(2, timeline.FindAll("[data-test=timeline-row].match").Count);
    }

    [Fact]
    public void Timeline_FailedAndOpenSpans_AreMarked()
    {
        var run = DemoRuns.ToolAgent(failTool: true);
        var timeline = Render<TraceTimeline>(p => p.Add(x => x.View, View(run, TraceStatus.Failed)));

        var failed = timeline.FindAll("[data-test=timeline-bar].failed");
        Assert.Equal(3, failed.Count);
    }

    [Fact]
    public void Timeline_ParallelCalls_MarksOnlyTheCriticalOne()
    {
        var run = new TraceBuilder();
        run.StartWorkflow();
        run.StartNode("agent_0", "Solve", "Agent");
        run.Begin(TraceEventType.ToolCallStarted, e => e with { Tool = new ToolPayload { ToolName = "fast" } }, spanId: "fast", parentSpanId: "s1");
        run.Begin(TraceEventType.ToolCallStarted, e => e with { Tool = new ToolPayload { ToolName = "slow" } }, spanId: "slow", parentSpanId: "s1");
        run.Advance(0.2);
        run.End(TraceEventType.ToolCallCompleted, "fast");
        run.Advance(0.3);
        run.End(TraceEventType.ToolCallCompleted, "slow");
        run.FinishNode();
        run.FinishWorkflow();

        var timeline = Render<TraceTimeline>(p => p.Add(x => x.View, View(run)));

        var critical = timeline.FindAll("[data-test=timeline-row]").Where(r => r.QuerySelector(".bar.critical") is not null).Select(r => r.QuerySelector(".label")!.TextContent);
        Assert.Equal(["agent-1", "Solve", "slow"], critical);
        Assert.Contains("on the critical path", timeline.Find("[data-test=timeline-row][data-span=slow] .bar").GetAttribute("title"));
    }

    [Fact]
    public void Timeline_SequentialRun_MarksNoCriticalPath()
    {
        var timeline = Render<TraceTimeline>(p => p.Add(x => x.View, View(SampleRuns.Rag())));

        Assert.Empty(timeline.FindAll(".bar.critical"));
    }

    [Fact]
    public void Timeline_OpenSpan_GrowsToLiveTime()
    {
        var run = SampleRuns.Rag();
        var partial = new TraceBuilder();
        foreach (var e in run.Events.Take(2))
        {
            partial.Add(e);
        }

        var timeline = Render<TraceTimeline>(p => p
            .Add(x => x.View, View(partial, TraceStatus.Running))
            .Add(x => x.LiveSeconds, 10));

        var bars = timeline.FindAll("[data-test=timeline-bar]");
        Assert.All(bars, bar => Assert.Contains("open", bar.ClassList));
        Assert.Contains("width: 100%", bars[0].GetAttribute("style"));
        Assert.Contains("10.00 s", timeline.Find("[data-test=timeline-row] .duration").TextContent);
    }

    [Fact]
    public void Timeline_TwelveThousandEvents_RendersOnlyTheVisibleRows()
    {
        var run = DemoRuns.Large(3000);
        Assert.True(run.Events.Count > 12_000);

        var timeline = Render<TraceTimeline>(p => p.Add(x => x.View, View(run)));

        var rendered = timeline.FindAll("[data-test=timeline-row]").Count;
        Assert.InRange(rendered, 1, 200);
    }

    [Fact]
    public void Timeline_ClickRow_ReportsItsSpan()
    {
        SpanTiming? selected = null;
        var timeline = Render<TraceTimeline>(p => p
            .Add(x => x.View, View(SampleRuns.Rag()))
            .Add(x => x.OnSelect, span => selected = span));

        timeline.Find("[data-test=timeline-row][data-kind=retrieval]").Click();

        Assert.Equal(SpanKind.Retrieval, selected?.Kind);
    }

    private TraceView View(TraceBuilder run, TraceStatus status = TraceStatus.Completed) =>
        new(run.Session(status), run.Events, Services.GetRequiredService<TraceAnalyzer>());
}
