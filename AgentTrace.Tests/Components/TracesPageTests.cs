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
    public async Task Traces_Disposed_CancelsEveryStoreCall()
    {
        Render<Traces>();
        await Reader.WaitUntilAsync(r => r.ListCalls >= 2, TimeSpan.FromSeconds(10));
        var polling = Reader.Tokens.Last();

        await DisposeComponentsAsync();

        Assert.True(polling.IsCancellationRequested);
    }
}
