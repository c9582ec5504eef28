using AgentTrace.Domain.Analysis;
using AgentTrace.Tests.Support;
using AgentTrace.Web.Components.Controls;
using AgentTrace.Web.Model;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace AgentTrace.Tests.Components;

public sealed class EventTableTests : DashboardTest
{
    [Fact]
    public void Events_AllShownInSeqOrder()
    {
        var table = Render<EventTable>(p => p.Add(x => x.View, View()));

        var rows = table.FindAll("tr.event-row");
        Assert.Equal(DemoRuns.ToolAgent().Events.Count, rows.Count);
        Assert.Contains("workflow_started", rows[0].TextContent);
        Assert.Contains("workflow_completed", rows[^1].TextContent);
    }

    [Fact]
    public void Events_SearchText_KeepsEventsContainingIt()
    {
        var table = Render<EventTable>(p => p.Add(x => x.View, View()));

        table.Find(".search input").Input("2340 * 0.17");

        table.WaitForAssertion(() => Assert.Equal(4, table.FindAll("tr.event-row").Count));
        Assert.All(table.FindAll("tr.event-row"), row => Assert.Contains("calculator", row.TextContent));
    }

    [Fact]
    public void Events_ClickRow_ReportsItsSeq()
    {
        long? selected = null;
        var table = Render<EventTable>(p => p.Add(x => x.View, View()).Add(x => x.OnSelect, seq => selected = seq));

        table.FindAll("tr.event-row")[5].Click();

        Assert.Equal(6, selected);
    }

    private TraceView View()
    {
        var run = DemoRuns.ToolAgent();
        return new TraceView(run.Session(), run.Events, Services.GetRequiredService<TraceAnalyzer>());
    }
}
