using AgentTrace.Domain.Model;
using AgentTrace.Tests.Support;
using AgentTrace.Web.Components.Pages;
using Bunit;

namespace AgentTrace.Tests.Components;

public sealed class TracesPageTests : DashboardTest
{
    [Fact]
    public async Task Traces_StoredRuns_ShowsOneRowPerTraceWithSummary()
    {
        await Store.SaveAsync(Tenant, SampleRuns.Rag(), agentId: "support-bot");
        await Store.SaveAsync(Tenant, SampleRuns.Rag(), TraceStatus.Failed, agentId: "billing-bot", error: "boom");

        var page = Render<Traces>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("tr.trace-row").Count));
        var rows = page.FindAll("tr.trace-row");
        Assert.Contains("billing-bot", rows[0].TextContent);
        Assert.Contains("failed", rows[0].TextContent);
        Assert.Contains("support-bot", rows[1].TextContent);
        Assert.Contains("165", rows[1].TextContent);
        Assert.Contains("1.80 s", rows[1].TextContent);
    }

    [Fact]
    public async Task Traces_OtherTenant_IsNotListed()
    {
        await Store.SaveAsync("t2", SampleRuns.Rag(), agentId: "secret-bot");

        var page = Render<Traces>();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-test=no-traces]")));
        Assert.DoesNotContain("secret-bot", page.Markup);
    }

    [Fact]
    public async Task Traces_NewTraceRecorded_AppearsWithoutReload()
    {
        var page = Render<Traces>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-test=no-traces]")));

        await Store.SaveAsync(Tenant, SampleRuns.Rag(), TraceStatus.Running, agentId: "late-bot");

        page.WaitForAssertion(() => Assert.Contains("late-bot", page.Find("tr.trace-row").TextContent), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Traces_RunningTraceProgresses_ShowsItsNewCounts()
    {
        var run = SampleRuns.Rag();
        var start = new TraceBuilder();
        foreach (var e in run.Events.Take(3))
        {
            start.Add(e);
        }

        var taskId = await Store.SaveAsync(Tenant, start, TraceStatus.Running, agentId: "growing-bot");
        var page = Render<Traces>();
        page.WaitForAssertion(() => Assert.Contains("running", page.Find("tr.trace-row").TextContent));

        await Store.AppendMovedAsync(Tenant, taskId, run.Events.Skip(3), TimeSpan.Zero);

        page.WaitForAssertion(() => Assert.Contains("165", page.Find("tr.trace-row").TextContent), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Traces_Disposed_StopsFollowingTheFeed()
    {
        Render<Traces>();
        await Reader.WaitUntilAsync(r => r.OpenWatches == 1, TimeSpan.FromSeconds(5));

        await DisposeComponentsAsync();

        await Reader.WaitUntilAsync(r => r.OpenWatches == 0, TimeSpan.FromSeconds(5));
        Assert.All(Reader.WatchTokens, token => Assert.True(token.IsCancellationRequested));
    }
}
