using AgentTrace.Domain.Model;
using AgentTrace.Tests.Support;
using AgentTrace.Web.Components.Pages;
using Bunit;
using Microsoft.Extensions.Logging;

namespace AgentTrace.Tests.Components;

public sealed class TraceDetailPageTests : DashboardTest
{
    [Fact]
    public async Task Detail_CompletedRun_ShowsHeaderAndOneRowPerSpan()
    {
        var taskId = await Store.SaveAsync(Tenant, SampleRuns.Rag(), agentId: "support-bot");

        var page = Render<TraceDetail>(p => p.Add(x => x.TaskId, taskId));

        page.WaitForAssertion(() => Assert.Equal(7, page.FindAll("[data-test=timeline-row]").Count));
        Assert.Equal("support-bot", page.Find("[data-test=trace-agent]").TextContent);
        Assert.Equal("165", page.Find("[data-test=stat-tokens]").TextContent);
        Assert.Equal("1.80 s", page.Find("[data-test=stat-duration]").TextContent);
        Assert.Equal(["workflow", "node", "node", "retrieval", "node", "llm", "node"], page.FindAll("[data-test=timeline-row]").Select(r => r.GetAttribute("data-kind")));
    }

    [Fact]
    public async Task Detail_OtherTenantsTrace_IsNotFound()
    {
        var taskId = await Store.SaveAsync("t2", SampleRuns.Rag(), agentId: "secret-bot");

        var page = Render<TraceDetail>(p => p.Add(x => x.TaskId, taskId));

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-test=not-found]")));
        Assert.DoesNotContain("secret-bot", page.Markup);
    }

    [Fact]
    public async Task Detail_RunningTrace_ShowsEventsAppendedAfterOpening()
    {
        var run = SampleRuns.Rag();
        var first = new TraceBuilder();
        foreach (var e in run.Events.Take(2))
        {
            first.Add(e);
        }

        var taskId = await Store.SaveAsync(Tenant, first, TraceStatus.Running);
        var page = Render<TraceDetail>(p => p.Add(x => x.TaskId, taskId));
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-test=timeline-row]").Count));
        await Reader.WaitUntilAsync(r => r.OpenWatches == 1, TimeSpan.FromSeconds(5));

        await Store.AppendMovedAsync(Tenant, taskId, run.Events.Skip(2), TimeSpan.Zero);

        page.WaitForAssertion(() => Assert.Equal(7, page.FindAll("[data-test=timeline-row]").Count));
        page.WaitForAssertion(() => Assert.Equal("165", page.Find("[data-test=stat-tokens]").TextContent));
    }

    [Fact]
    public async Task Detail_RunningTraceEnds_ShowsFinalStatusAndStopsWatching()
    {
        var taskId = await Store.SaveAsync(Tenant, SampleRuns.Rag(), TraceStatus.Running);
        var page = Render<TraceDetail>(p => p.Add(x => x.TaskId, taskId));
        await Reader.WaitUntilAsync(r => r.OpenWatches == 1, TimeSpan.FromSeconds(5));

        await Store.CompleteAsync(Tenant, taskId, new AgentTrace.Domain.Storage.TraceCompletion { Status = TraceStatus.Failed, CompletedAt = TraceBuilder.Origin.AddSeconds(2), Error = "late failure" }, Ct);

        page.WaitForAssertion(() => Assert.Equal("late failure", page.Find("[data-test=trace-error]").TextContent.Trim()));
        await Reader.WaitUntilAsync(r => r.OpenWatches == 0, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Detail_TraceDeletedWhileWatched_SaysSoAndStopsWatching()
    {
        var taskId = await Store.SaveAsync(Tenant, SampleRuns.Rag(), TraceStatus.Running);
        var page = Render<TraceDetail>(p => p.Add(x => x.TaskId, taskId));
        await Reader.WaitUntilAsync(r => r.OpenWatches == 1, TimeSpan.FromSeconds(5));

        Assert.True(await Store.DeleteAsync(Tenant, taskId, Ct));

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-test=trace-deleted]")));
        await Reader.WaitUntilAsync(r => r.OpenWatches == 0, TimeSpan.FromSeconds(5));
        Assert.Equal(7, page.FindAll("[data-test=timeline-row]").Count);
    }

    [Fact]
    public async Task Detail_Disposed_CancelsTheWatch()
    {
        var taskId = await Store.SaveAsync(Tenant, SampleRuns.Rag(), TraceStatus.Running);
        Render<TraceDetail>(p => p.Add(x => x.TaskId, taskId));
        await Reader.WaitUntilAsync(r => r.OpenWatches == 1, TimeSpan.FromSeconds(5));

        await DisposeComponentsAsync();

        await Reader.WaitUntilAsync(r => r.OpenWatches == 0, TimeSpan.FromSeconds(5));
        Assert.All(Reader.Tokens, token => Assert.True(token.IsCancellationRequested));
    }

    [Fact]
    public async Task Detail_ClickLlmRow_OpensDrawerWithPromptAndTokens()
    {
        var taskId = await Store.SaveAsync(Tenant, SampleRuns.Rag());
        var page = Render<TraceDetail>(p => p.Add(x => x.TaskId, taskId));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-test=timeline-row][data-kind=llm]")));

        page.Find("[data-test=timeline-row][data-kind=llm]").Click();

        var drawer = page.Find("[data-test=step-drawer]");
        Assert.Equal("gpt-4o", page.Find("[data-test=step-title]").TextContent);
        Assert.Contains("Answer from the context: Refunds are accepted within 30 days.", page.Find("[data-test=step-prompt]").TextContent);
        Assert.Contains("120 prompt + 45 completion = 165", drawer.TextContent);
        page.Find("[data-test=step-close]").Click();
        Assert.Empty(page.FindAll("[data-test=step-drawer]"));
    }

    [Fact]
    public async Task Detail_StoreUnreachable_SaysSoLogsItAndOpensOnTryAgain()
    {
        var taskId = await Store.SaveAsync(Tenant, SampleRuns.Rag(), agentId: "support-bot");
        Reader.BreakReads(new TimeoutException("Timeout performing HGETALL {t1}:trace (5000ms)"));

        var page = Render<TraceDetail>(p => p.Add(x => x.TaskId, taskId));

        page.WaitForAssertion(() => Assert.Contains("The trace could not be read: the store could not be reached.", page.Find("[data-test=load-error]").TextContent));
        Assert.DoesNotContain("HGETALL", page.Markup);
        var logged = Assert.Single(Logs.Of<TraceDetail>());
        Assert.Equal((LogLevel.Error, 1007), (logged.Level, logged.EventId.Id));

        Reader.MendReads();
        page.Find("[data-test=load-error-retry]").Click();

        page.WaitForAssertion(() => Assert.Equal("support-bot", page.Find("[data-test=trace-agent]").TextContent));
        Assert.Empty(page.FindAll("[data-test=load-error]"));
    }
}
