using AgentTrace.Domain.Model;
using AgentTrace.Domain.Storage;
using AgentTrace.Tests.Support;
using AgentTrace.Web.Components.Pages;
using Bunit;
using Microsoft.Extensions.Logging;

namespace AgentTrace.Tests.Components;

/// <summary>The Traces page on the manual clock: it moves only when a test moves it, so no redraw comes from a real poll.</summary>
public sealed class TracesPageTests() : DashboardTest(manualClock: true)
{
    /// <summary>The page's redraw interval: what the clock is moved by while a change makes its way to the page.</summary>
    private static readonly TimeSpan s_redraw = TimeSpan.FromMilliseconds(200);

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
        Assert.Contains("2 matching · updates live", page.Find("[data-test=trace-total]").TextContent);
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
    public async Task Traces_NewTraceRecorded_AppearsFirstWithoutReadingTheListAgain()
    {
        await Store.SaveAsync(Tenant, SampleRuns.Rag(), agentId: "early-bot");
        var page = await RenderFollowingAsync(rows: 1);

        await Store.SaveAsync(Tenant, SampleRuns.Rag(), TraceStatus.Running, agentId: "late-bot");

        AdvanceUntil(page, () =>
        {
            var rows = page.FindAll("tr.trace-row");
            Assert.Equal(2, rows.Count);
            Assert.Contains("late-bot", rows[0].TextContent);
            Assert.Contains("165", rows[0].TextContent);
            Assert.Contains("2 matching", page.Find("[data-test=trace-total]").TextContent);
        });
        Assert.Equal(1, Reader.ListCalls);
    }

    [Fact]
    public async Task Traces_RunningTraceProgresses_UpdatesItsRowFromTheFeedWithoutPolling()
    {
        var run = SampleRuns.Rag();
        var start = new TraceBuilder();
        foreach (var e in run.Events.Take(3))
        {
            start.Add(e);
        }

        var taskId = await Store.SaveAsync(Tenant, start, TraceStatus.Running, agentId: "growing-bot");
        var page = await RenderFollowingAsync(rows: 1);
        Assert.Contains("running", page.Find("tr.trace-row").TextContent);

        // Ten seconds pass: a page that polled would have read the list ten times by now.
        for (var second = 0; second < 10; second++)
        {
            Clock.Advance(TimeSpan.FromSeconds(1));
        }

        await Store.AppendMovedAsync(Tenant, taskId, run.Events.Skip(3), TimeSpan.Zero);

        AdvanceUntil(page, () => Assert.Contains("165", page.Find("tr.trace-row").TextContent));
        Assert.Equal(1, Reader.ListCalls);
        Assert.Contains("running", page.Find("tr.trace-row").TextContent);
    }

    [Fact]
    public async Task Traces_RunningTraceFinishes_ShowsItsStatusAndDuration()
    {
        var taskId = await Store.SaveAsync(Tenant, SampleRuns.Rag(), TraceStatus.Running, agentId: "finishing-bot");
        var page = await RenderFollowingAsync(rows: 1);

        await Store.CompleteAsync(Tenant, taskId, new TraceCompletion { Status = TraceStatus.Failed, CompletedAt = TraceBuilder.Origin.AddSeconds(3), ElapsedSeconds = 3 }, Ct);

        AdvanceUntil(page, () =>
        {
            Assert.Contains("failed", page.Find("tr.trace-row").TextContent);
            Assert.Contains("3.00 s", page.Find("tr.trace-row").TextContent);
        });
        Assert.Equal(1, Reader.ListCalls);
    }

    [Fact]
    public async Task Traces_Disposed_RemovesTheFeedSubscriptionQuietly()
    {
        await Store.SaveAsync(Tenant, SampleRuns.Rag(), TraceStatus.Running);
        await RenderFollowingAsync(rows: 1);

        await DisposeComponentsAsync();

        await Reader.WaitUntilAsync(r => r.OpenWatches == 0, TimeSpan.FromSeconds(5));
        Assert.All(Reader.WatchTokens, token => Assert.True(token.IsCancellationRequested));
        Assert.DoesNotContain(Logs.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task Traces_FeedFails_SaysSoLogsItAndFollowsAgainOnceItIsBack()
    {
        await Store.SaveAsync(Tenant, SampleRuns.Rag(), agentId: "early-bot");
        var page = await RenderFollowingAsync(rows: 1);

        Reader.BreakFeeds(new IOException("connection to 10.20.30.40:6379 reset by peer"));

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-test=feed-error]")));
        var notice = page.Find("[data-test=feed-error]").TextContent;
        Assert.Contains("The live feed stopped: the store could not be reached.", notice);
        Assert.DoesNotContain("10.20.30.40", notice);
        InternalText.AssertNone(notice);
        Assert.Contains("live updates paused", page.Find("[data-test=trace-total]").TextContent);
        var logged = Assert.Single(Logs.Of<Traces>(), e => e.EventId.Id == 1005);
        Assert.Equal(LogLevel.Warning, logged.Level);
        Assert.IsType<IOException>(logged.Exception);

        Reader.MendFeeds();
        AdvanceUntil(page, () => Assert.Empty(page.FindAll("[data-test=feed-error]")), TimeSpan.FromSeconds(1));
        Assert.Equal(2, Reader.FeedsStarted);
        Assert.Equal(2, Reader.ListCalls);
        await Store.SaveAsync(Tenant, SampleRuns.Rag(), agentId: "late-bot");
        AdvanceUntil(page, () => Assert.Contains("late-bot", page.FindAll("tr.trace-row")[0].TextContent));
    }

    [Fact]
    public async Task Traces_ListCannotBeRead_SaysSoLogsItAndReadsAgainOnTryAgain()
    {
        await Store.SaveAsync(Tenant, SampleRuns.Rag(), agentId: "support-bot");
        Reader.BreakReads(new TimeoutException("Timeout performing ZREVRANGEBYSCORE (5000ms), inst: 3, mgr: 10 of 10 available"));

        var page = Render<Traces>();

        page.WaitForAssertion(() => Assert.Contains("The trace list could not be read: the store could not be reached.", page.Find("[data-test=list-error]").TextContent));
        InternalText.AssertNone(page.Find("[data-test=list-error]").TextContent);
        Assert.DoesNotContain("ZREVRANGEBYSCORE", page.Markup);
        var logged = Assert.Single(Logs.Of<Traces>(), e => e.EventId.Id == 1007);
        Assert.Equal(LogLevel.Error, logged.Level);

        Reader.MendReads();
        page.Find("[data-test=list-error-retry]").Click();

        page.WaitForAssertion(() => Assert.Contains("support-bot", page.Find("tr.trace-row").TextContent));
        Assert.Empty(page.FindAll("[data-test=list-error]"));
    }

    /// <summary>Renders the page and waits until it shows its first read and follows the feed.</summary>
    private async Task<IRenderedComponent<Traces>> RenderFollowingAsync(int rows)
    {
        var page = Render<Traces>();
        page.WaitForAssertion(() => Assert.Equal(rows, page.FindAll("tr.trace-row").Count));
        await Reader.WaitUntilAsync(r => r.OpenWatches == 1, TimeSpan.FromSeconds(5));
        Assert.Equal(1, Reader.ListCalls);
        return page;
    }

    private void AdvanceUntil(IRenderedComponent<Traces> page, Action assertion) => AdvanceUntil(page, assertion, s_redraw);
}
