using AgentTrace.Domain.Model;
using AgentTrace.Tests.Support;
using AgentTrace.Web.Components.Charts;
using AgentTrace.Web.Components.Pages;
using Bunit;
using Microsoft.Extensions.Logging;

namespace AgentTrace.Tests.Components;

public sealed class OverviewPageTests : DashboardTest
{
    [Fact]
    public async Task Overview_RecentRuns_CountsChartsAndFrequentRecommendations()
    {
        var now = DateTimeOffset.UtcNow;
        await Store.SaveAsync(Tenant, SampleRuns.Rag(), createdAt: now.AddHours(-2), agentId: "support-bot");
        await Store.SaveAsync(Tenant, DemoRuns.ToolAgent(failTool: true), TraceStatus.Failed, createdAt: now.AddHours(-1), agentId: "math-agent");
        await Store.SaveAsync(Tenant, DemoRuns.ToolAgent(failTool: true), TraceStatus.Failed, createdAt: now.AddMinutes(-5), agentId: "math-agent");
        await Store.SaveAsync(Tenant, SampleRuns.Rag(), createdAt: now.AddDays(-3), agentId: "old-bot");
        await Store.SaveAsync("t2", SampleRuns.Rag(), createdAt: now.AddHours(-1), agentId: "other-tenant-bot");

        var page = Render<Overview>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-test=digest]")), TimeSpan.FromSeconds(5));
        Assert.Equal("3", page.Find("[data-test=kpi-runs]").TextContent);
        var failing = page.FindAll("[data-test=digest]").Single(d => d.TextContent.Contains("failing_component"));
        Assert.Contains("2", failing.QuerySelector(".num")!.TextContent);
        var durations = page.FindComponents<Chart>().Single(c => c.Instance.TestId == "chart-durations").Instance.Figure;
        var p50 = (Plotly.Blazor.Traces.Bar)durations.Data[0];
        Assert.Equal(["math-agent", "support-bot"], p50.X.Cast<string>());
        Assert.DoesNotContain("other-tenant-bot", page.Markup);
        Assert.DoesNotContain("old-bot", page.Markup);
    }

    [Fact]
    public void Overview_NoRuns_SaysSo()
    {
        var page = Render<Overview>();

        page.WaitForAssertion(() => Assert.Equal("0", page.Find("[data-test=kpi-runs]").TextContent));
        page.WaitForAssertion(() => Assert.Contains("the analysed runs look healthy", page.Markup));
        Assert.Contains("No runs in this window.", page.Markup);
    }

    [Fact]
    public async Task Overview_StoreUnreachable_SaysSoLogsItAndLoadsOnTryAgain()
    {
        await Store.SaveAsync(Tenant, SampleRuns.Rag(), createdAt: DateTimeOffset.UtcNow.AddHours(-1), agentId: "support-bot");
        Reader.BreakReads(new System.Net.Sockets.SocketException(111));

        var page = Render<Overview>();

        page.WaitForAssertion(() => Assert.Contains("The overview could not be read: the store could not be reached.", page.Find("[data-test=overview-error]").TextContent));
        InternalText.AssertNone(page.Find("[data-test=overview-error]").TextContent);
        Assert.Empty(page.FindAll(".mud-progress-linear"));
        var logged = Assert.Single(Logs.Of<Overview>());
        Assert.Equal((LogLevel.Error, 1007), (logged.Level, logged.EventId.Id));

        Reader.MendReads();
        page.Find("[data-test=overview-error-retry]").Click();

        page.WaitForAssertion(() => Assert.Equal("1", page.Find("[data-test=kpi-runs]").TextContent));
        Assert.Empty(page.FindAll("[data-test=overview-error]"));
    }
}
