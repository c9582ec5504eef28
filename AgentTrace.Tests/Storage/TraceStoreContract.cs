using AgentTrace.Domain.Model;
using AgentTrace.Domain.Storage;
using AgentTrace.Tests.Support;

namespace AgentTrace.Tests.Storage;

/// <summary>
/// The behaviour every <see cref="ITraceStore"/> must have. Each store's test class derives from this and
/// supplies a fresh, empty store.
/// </summary>
public abstract class TraceStoreContract
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A new, empty store, for the tenants the test uses, with the storage options <paramref name="configure"/> sets.</summary>
    protected abstract Task<ITraceStore> NewStoreAsync(Action<StorageOptions>? configure = null);

    [Fact]
    public async Task Append_OverMaxEventsPerTrace_CountsDroppedEvents_AndKeepsTheFirst()
    {
        var store = await NewStoreAsync(o => o.MaxEventsPerTrace = 5);
        var session = Events.Session();
        await store.CreateAsync(session, Ct);

        var result = await store.AppendAsync("t1", session.TaskId, Events.Range(1, 8), Ct);

        Assert.Equal(5, result.Appended);
        Assert.Equal(3, result.Dropped);
        var read = (await store.GetAsync("t1", session.TaskId, Ct))!;
        Assert.Equal(3, read.Summary.DroppedEvents);
        Assert.Equal(5, read.Summary.TotalEvents);
        Assert.Equal(8, read.LastSeq);
        Assert.Equal(5, (await store.GetEventsAsync("t1", session.TaskId, new EventQuery(), Ct))!.Total);
        var events = (await store.GetEventsAsync("t1", session.TaskId, new EventQuery { AfterSeq = 1 }, Ct))!;
        Assert.Equal(4, events.Total);
        Assert.Equal([2L, 3L, 4L, 5L], events.Events.Select(e => e.Seq));
    }

    [Fact]
    public async Task Create_NewTrace_CanBeRead()
    {
        var store = await NewStoreAsync();
        var session = Events.Session();

        Assert.True(await store.CreateAsync(session, Ct));
        var read = await store.GetAsync("t1", session.TaskId, Ct);

        Assert.NotNull(read);
        Assert.Equal(session.TaskId, read.TaskId);
        Assert.Equal("agent-a", read.AgentId);
        Assert.Equal(TraceStatus.Running, read.Status);
        Assert.Equal(0, read.LastSeq);
    }

    [Fact]
    public async Task Create_SameTaskIdTwice_SecondIsRefused()
    {
        var store = await NewStoreAsync();
        var session = Events.Session();

        Assert.True(await store.CreateAsync(session, Ct));
        Assert.False(await store.CreateAsync(session with { AgentId = "other" }, Ct));
        Assert.Equal("agent-a", (await store.GetAsync("t1", session.TaskId, Ct))!.AgentId);
    }

    [Fact]
    public async Task Get_OtherTenant_IsNotFound()
    {
        var store = await NewStoreAsync();
        var session = Events.Session();
        await store.CreateAsync(session, Ct);

        Assert.Null(await store.GetAsync("t2", session.TaskId, Ct));
        Assert.Null(await store.GetEventsAsync("t2", session.TaskId, new EventQuery(), Ct));
        Assert.Equal(AppendOutcome.NotFound, (await store.AppendAsync("t2", session.TaskId, Events.Range(1, 1), Ct)).Outcome);
        Assert.False(await store.DeleteAsync("t2", session.TaskId, Ct));
        Assert.NotNull(await store.GetAsync("t1", session.TaskId, Ct));
    }

    [Fact]
    public async Task Append_InOrder_StoresEventsAndUpdatesSummary()
    {
        var store = await NewStoreAsync();
        var session = Events.Session();
        await store.CreateAsync(session, Ct);
        List<TraceEvent> events =
        [
            Events.Event(1, TraceEventType.LlmCallCompleted) with { Llm = new LlmPayload { PromptTokens = 10, CompletionTokens = 5, TotalTokens = 15 } },
            Events.Event(2, TraceEventType.RetrievalCompleted) with { Retrieval = new RetrievalPayload { ChunksRetrieved = 3 } },
            Events.Event(3, TraceEventType.NodeFailed) with { Error = "boom" },
        ];

        var result = await store.AppendAsync("t1", session.TaskId, events, Ct);

        Assert.Equal(AppendOutcome.Appended, result.Outcome);
        Assert.Equal(3, result.Appended);
        Assert.Equal(3, result.LastSeq);
        var read = (await store.GetAsync("t1", session.TaskId, Ct))!;
        Assert.Equal(3, read.LastSeq);
        Assert.Equal(3, read.Summary.TotalEvents);
        Assert.Equal(1, read.Summary.TotalLlmCalls);
        Assert.Equal(15, read.Summary.TotalTokens);
        Assert.Equal(10, read.Summary.PromptTokens);
        Assert.Equal(3, read.Summary.TotalChunksRetrieved);
        Assert.Equal(1, read.Summary.NodesExecuted);
        Assert.Equal(1, read.Summary.ErrorsCount);
        var page = (await store.GetEventsAsync("t1", session.TaskId, new EventQuery(), Ct))!;
        Assert.Equal([1L, 2L, 3L], page.Events.Select(e => e.Seq));
        Assert.Equal("boom", page.Events[2].Error);
        Assert.Equal(15, page.Events[0].Llm!.TotalTokens);
    }

    [Fact]
    public async Task Append_HugeTokenCounts_SummarySaturatesInsteadOfOverflowing()
    {
        var store = await NewStoreAsync();
        var session = Events.Session();
        await store.CreateAsync(session, Ct);
        TraceEvent Call(long seq, long tokens) => Events.Event(seq, TraceEventType.LlmCallCompleted) with { Llm = new LlmPayload { PromptTokens = tokens, TotalTokens = tokens } };

        await store.AppendAsync("t1", session.TaskId, [Call(1, 123_456_789_012_345), Call(2, 100_000_000_000_000)], Ct);
        var exact = (await store.GetAsync("t1", session.TaskId, Ct))!.Summary;
        await store.AppendAsync("t1", session.TaskId, [Call(3, long.MaxValue), Call(4, long.MaxValue)], Ct);
        await store.AppendAsync("t1", session.TaskId, [Call(5, 7)], Ct);

        Assert.Equal(223_456_789_012_345, exact.PromptTokens);
        var saturated = (await store.GetAsync("t1", session.TaskId, Ct))!.Summary;
        Assert.Equal((Counts.Max, Counts.Max, 5L), (saturated.PromptTokens, saturated.TotalTokens, saturated.TotalLlmCalls));
    }

    [Fact]
    public async Task Append_SameBatchTwice_IsIdempotent()
    {
        var store = await NewStoreAsync();
        var session = Events.Session();
        await store.CreateAsync(session, Ct);

        await store.AppendAsync("t1", session.TaskId, Events.Range(1, 3), Ct);
        var again = await store.AppendAsync("t1", session.TaskId, Events.Range(1, 3), Ct);

        Assert.Equal(AppendOutcome.Appended, again.Outcome);
        Assert.Equal(0, again.Appended);
        Assert.Equal(3, again.Duplicates);
        var read = (await store.GetAsync("t1", session.TaskId, Ct))!;
        Assert.Equal(3, read.Summary.TotalEvents);
        Assert.Equal(3, (await store.GetEventsAsync("t1", session.TaskId, new EventQuery(), Ct))!.Total);
    }

    [Fact]
    public async Task Append_OverlappingBatch_StoresOnlyNewEvents()
    {
        var store = await NewStoreAsync();
        var session = Events.Session();
        await store.CreateAsync(session, Ct);

        await store.AppendAsync("t1", session.TaskId, Events.Range(1, 3), Ct);
        var result = await store.AppendAsync("t1", session.TaskId, Events.Range(2, 5), Ct);

        Assert.Equal(2, result.Appended);
        Assert.Equal(2, result.Duplicates);
        Assert.Equal(5, result.LastSeq);
        Assert.Equal([1L, 2L, 3L, 4L, 5L], (await store.GetEventsAsync("t1", session.TaskId, new EventQuery(), Ct))!.Events.Select(e => e.Seq));
    }

    [Fact]
    public async Task Append_WithGap_RefusesWholeBatch()
    {
        var store = await NewStoreAsync();
        var session = Events.Session();
        await store.CreateAsync(session, Ct);
        await store.AppendAsync("t1", session.TaskId, Events.Range(1, 2), Ct);

        var result = await store.AppendAsync("t1", session.TaskId, Events.Range(4, 6), Ct);

        Assert.Equal(AppendOutcome.Gap, result.Outcome);
        Assert.Equal(2, result.LastSeq);
        Assert.Equal(2, (await store.GetAsync("t1", session.TaskId, Ct))!.Summary.TotalEvents);
    }

    [Fact]
    public async Task Append_AfterComplete_IsRefused()
    {
        var store = await NewStoreAsync();
        var session = Events.Session();
        await store.CreateAsync(session, Ct);
        await store.AppendAsync("t1", session.TaskId, Events.Range(1, 1), Ct);
        await store.CompleteAsync("t1", session.TaskId, Completion(TraceStatus.Completed), Ct);

        var result = await store.AppendAsync("t1", session.TaskId, Events.Range(2, 2), Ct);

        Assert.Equal(AppendOutcome.Finished, result.Outcome);
        Assert.Equal(1, (await store.GetAsync("t1", session.TaskId, Ct))!.LastSeq);
    }

    [Fact]
    public async Task Complete_RunningTrace_SetsStatusErrorAndTime()
    {
        var store = await NewStoreAsync();
        var session = Events.Session();
        await store.CreateAsync(session, Ct);

        var result = await store.CompleteAsync("t1", session.TaskId, Completion(TraceStatus.Failed) with { Error = "it broke", Outputs = Events.Json("""{"answer":"x"}""") }, Ct);

        Assert.Equal(CompleteOutcome.Completed, result.Outcome);
        var read = (await store.GetAsync("t1", session.TaskId, Ct))!;
        Assert.Equal(TraceStatus.Failed, read.Status);
        Assert.Equal("it broke", read.Error);
        Assert.Equal("x", read.Outputs!.Value.GetProperty("answer").GetString());
        Assert.Equal(Events.Start.AddSeconds(2), read.CompletedAt);
        Assert.Equal(2.0, read.TotalElapsedTime!.Value, 3);
    }

    [Fact]
    public async Task Complete_Twice_SecondReportsAlreadyFinished()
    {
        var store = await NewStoreAsync();
        var session = Events.Session();
        await store.CreateAsync(session, Ct);
        await store.CompleteAsync("t1", session.TaskId, Completion(TraceStatus.Completed), Ct);

        var second = await store.CompleteAsync("t1", session.TaskId, Completion(TraceStatus.Failed), Ct);

        Assert.Equal(CompleteOutcome.AlreadyFinished, second.Outcome);
        Assert.Equal(TraceStatus.Completed, (await store.GetAsync("t1", session.TaskId, Ct))!.Status);
    }

    [Fact]
    public async Task Complete_Unknown_IsNotFound()
    {
        var store = await NewStoreAsync();

        var result = await store.CompleteAsync("t1", TraceIds.NewTaskId(), Completion(TraceStatus.Completed), Ct);

        Assert.Equal(CompleteOutcome.NotFound, result.Outcome);
    }

    [Fact]
    public async Task GetEvents_FiltersByTypeComponentAndAfterSeq_WithTotal()
    {
        var store = await NewStoreAsync();
        var session = Events.Session();
        await store.CreateAsync(session, Ct);
        var events = Enumerable.Range(1, 30).Select(i => Events.Event(i, i % 3 == 0 ? TraceEventType.NodeFinished : TraceEventType.NodeStarted, i % 2 == 0 ? "even" : "odd")).ToList();
        await store.AppendAsync("t1", session.TaskId, events, Ct);

        var finished = (await store.GetEventsAsync("t1", session.TaskId, new EventQuery { EventTypes = new HashSet<TraceEventType> { TraceEventType.NodeFinished } }, Ct))!;
        var evenAfter20 = (await store.GetEventsAsync("t1", session.TaskId, new EventQuery { ComponentId = "even", AfterSeq = 20 }, Ct))!;
        var paged = (await store.GetEventsAsync("t1", session.TaskId, new EventQuery { Offset = 10, Limit = 5 }, Ct))!;

        Assert.Equal(10, finished.Total);
        Assert.All(finished.Events, e => Assert.Equal(TraceEventType.NodeFinished, e.EventType));
        Assert.Equal([22L, 24L, 26L, 28L, 30L], evenAfter20.Events.Select(e => e.Seq));
        Assert.Equal(5, evenAfter20.Total);
        Assert.Equal([11L, 12L, 13L, 14L, 15L], paged.Events.Select(e => e.Seq));
        Assert.Equal(30, paged.Total);
    }

    [Fact]
    public async Task GetEvents_AfterSeqOrOffsetBeyondTheEnd_IsEmptyWithTotal()
    {
        var store = await NewStoreAsync();
        var session = Events.Session();
        await store.CreateAsync(session, Ct);
        await store.AppendAsync("t1", session.TaskId, Events.Range(1, 5), Ct);

        var farAfter = (await store.GetEventsAsync("t1", session.TaskId, new EventQuery { AfterSeq = long.MaxValue }, Ct))!;
        var farOffset = (await store.GetEventsAsync("t1", session.TaskId, new EventQuery { AfterSeq = 2, Offset = 3 }, Ct))!;

        Assert.Empty(farAfter.Events);
        Assert.Equal(0, farAfter.Total);
        Assert.Empty(farOffset.Events);
        Assert.Equal(3, farOffset.Total);
    }

    [Fact]
    public async Task List_NewestFirst_PagedWithTotal()
    {
        var store = await NewStoreAsync();
        var sessions = Enumerable.Range(0, 25).Select(i => Events.Session(createdAt: Events.Start.AddMinutes(i))).ToList();
        foreach (var s in sessions)
        {
            await store.CreateAsync(s, Ct);
        }

        var first = await store.ListAsync("t1", new TraceQuery { Page = 1, PageSize = 10 }, Ct);
        var third = await store.ListAsync("t1", new TraceQuery { Page = 3, PageSize = 10 }, Ct);

        Assert.Equal(25, first.Total);
        Assert.Equal(sessions.AsEnumerable().Reverse().Take(10).Select(s => s.TaskId), first.Sessions.Select(s => s.TaskId));
        Assert.Equal(sessions.Take(5).Reverse().Select(s => s.TaskId), third.Sessions.Select(s => s.TaskId));
    }

    [Fact]
    public async Task List_Filters_ByAgentUserStatusAndTime()
    {
        var store = await NewStoreAsync();
        for (var i = 0; i < 20; i++)
        {
            var s = Events.Session(agentId: i % 2 == 0 ? "even" : "odd", userId: i < 10 ? "early" : "late", createdAt: Events.Start.AddMinutes(i));
            await store.CreateAsync(s, Ct);
            if (i % 4 == 0)
            {
                await store.CompleteAsync("t1", s.TaskId, Completion(TraceStatus.Completed), Ct);
            }
        }

        var even = await store.ListAsync("t1", new TraceQuery { AgentId = "even" }, Ct);
        var lateEven = await store.ListAsync("t1", new TraceQuery { AgentId = "even", UserId = "late" }, Ct);
        var completed = await store.ListAsync("t1", new TraceQuery { Status = TraceStatus.Completed }, Ct);
        var window = await store.ListAsync("t1", new TraceQuery { From = Events.Start.AddMinutes(5), To = Events.Start.AddMinutes(9) }, Ct);

        Assert.Equal(10, even.Total);
        Assert.All(even.Sessions, s => Assert.Equal("even", s.AgentId));
        Assert.Equal(5, lateEven.Total);
        Assert.Equal(5, completed.Total);
        Assert.All(completed.Sessions, s => Assert.Equal(TraceStatus.Completed, s.Status));
        Assert.Equal(5, window.Total);
        Assert.Equal(Events.Start.AddMinutes(9), window.Sessions[0].CreatedAt);
    }

    [Fact]
    public async Task List_OnlyCallersTenant()
    {
        var store = await NewStoreAsync();
        await store.CreateAsync(Events.Session("t1"), Ct);
        await store.CreateAsync(Events.Session("t2"), Ct);
        await store.CreateAsync(Events.Session("t2"), Ct);

        Assert.Equal(1, (await store.ListAsync("t1", new TraceQuery(), Ct)).Total);
        Assert.Equal(2, (await store.ListAsync("t2", new TraceQuery(), Ct)).Total);
        Assert.Equal(0, (await store.ListAsync("t3", new TraceQuery(), Ct)).Total);
    }

    [Fact]
    public async Task Delete_RemovesTraceAndEvents()
    {
        var store = await NewStoreAsync();
        var session = Events.Session();
        await store.CreateAsync(session, Ct);
        await store.AppendAsync("t1", session.TaskId, Events.Range(1, 3), Ct);

        Assert.True(await store.DeleteAsync("t1", session.TaskId, Ct));

        Assert.Null(await store.GetAsync("t1", session.TaskId, Ct));
        Assert.Null(await store.GetEventsAsync("t1", session.TaskId, new EventQuery(), Ct));
        Assert.Equal(0, (await store.ListAsync("t1", new TraceQuery(), Ct)).Total);
        Assert.False(await store.DeleteAsync("t1", session.TaskId, Ct));
    }

    [Fact]
    public async Task DeleteCreatedBefore_RemovesOnlyOlderTracesOfTenant()
    {
        var store = await NewStoreAsync();
        for (var i = 0; i < 10; i++)
        {
            await store.CreateAsync(Events.Session("t1", createdAt: Events.Start.AddDays(i)), Ct);
            await store.CreateAsync(Events.Session("t2", createdAt: Events.Start.AddDays(i)), Ct);
        }

        var deleted = await store.DeleteCreatedBeforeAsync("t1", Events.Start.AddDays(4), Ct);

        Assert.Equal(4, deleted);
        var left = await store.ListAsync("t1", new TraceQuery(), Ct);
        Assert.Equal(6, left.Total);
        Assert.All(left.Sessions, s => Assert.True(s.CreatedAt >= Events.Start.AddDays(4)));
        Assert.Equal(10, (await store.ListAsync("t2", new TraceQuery(), Ct)).Total);
    }

    [Fact]
    public async Task Watch_StoredThenLive_NoGapNoDuplicate_EndsOnComplete()
    {
        var store = await NewStoreAsync();
        var session = Events.Session();
        await store.CreateAsync(session, Ct);
        await store.AppendAsync("t1", session.TaskId, Events.Range(1, 5), Ct);

        var watching = Collect(store.WatchAsync("t1", session.TaskId, 2, Ct));
        for (var i = 6; i <= 200; i += 5)
        {
            await store.AppendAsync("t1", session.TaskId, Events.Range(i, i + 4), Ct);
        }

        await store.CompleteAsync("t1", session.TaskId, Completion(TraceStatus.Completed), Ct);
        var seen = await watching.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        Assert.Equal(Enumerable.Range(3, 198).Select(i => (long)i), seen.Select(e => e.Seq));
    }

    [Fact]
    public async Task Watch_ConcurrentAppends_EveryEventExactlyOnceInOrder()
    {
        var store = await NewStoreAsync();
        var session = Events.Session();
        await store.CreateAsync(session, Ct);
        var watchers = Enumerable.Range(0, 4).Select(_ => Collect(store.WatchAsync("t1", session.TaskId, 0, Ct))).ToList();

        for (var i = 1; i <= 1000; i++)
        {
            await store.AppendAsync("t1", session.TaskId, [Events.Event(i)], Ct);
        }

        await store.CompleteAsync("t1", session.TaskId, Completion(TraceStatus.Completed), Ct);
        foreach (var watcher in watchers)
        {
            var seen = await watcher.WaitAsync(TimeSpan.FromSeconds(30), Ct);
            Assert.Equal(Enumerable.Range(1, 1000).Select(i => (long)i), seen.Select(e => e.Seq));
        }
    }

    [Fact]
    public async Task Watch_FinishedTrace_ReplaysAndEnds()
    {
        var store = await NewStoreAsync();
        var session = Events.Session();
        await store.CreateAsync(session, Ct);
        await store.AppendAsync("t1", session.TaskId, Events.Range(1, 3), Ct);
        await store.CompleteAsync("t1", session.TaskId, Completion(TraceStatus.Completed), Ct);

        var seen = await Collect(store.WatchAsync("t1", session.TaskId, 0, Ct)).WaitAsync(TimeSpan.FromSeconds(30), Ct);

        Assert.Equal([1L, 2L, 3L], seen.Select(e => e.Seq));
    }

    [Fact]
    public async Task Watch_UnknownOrOtherTenant_YieldsNothing()
    {
        var store = await NewStoreAsync();
        var session = Events.Session();
        await store.CreateAsync(session, Ct);
        await store.AppendAsync("t1", session.TaskId, Events.Range(1, 3), Ct);

        Assert.Empty(await Collect(store.WatchAsync("t2", session.TaskId, 0, Ct)).WaitAsync(TimeSpan.FromSeconds(30), Ct));
        Assert.Empty(await Collect(store.WatchAsync("t1", TraceIds.NewTaskId(), 0, Ct)).WaitAsync(TimeSpan.FromSeconds(30), Ct));
    }

    [Fact]
    public async Task Watch_TraceDeleted_Ends()
    {
        var store = await NewStoreAsync();
        var session = Events.Session();
        await store.CreateAsync(session, Ct);
        await store.AppendAsync("t1", session.TaskId, Events.Range(1, 2), Ct);
        var watching = Collect(store.WatchAsync("t1", session.TaskId, 0, Ct));
        await store.AppendAsync("t1", session.TaskId, Events.Range(3, 3), Ct);

        await store.DeleteAsync("t1", session.TaskId, Ct);

        var seen = await watching.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        Assert.True(seen.Count <= 3);
    }

    [Fact]
    public async Task Watch_Cancelled_Stops()
    {
        var store = await NewStoreAsync();
        var session = Events.Session();
        await store.CreateAsync(session, Ct);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var watching = Collect(store.WatchAsync("t1", session.TaskId, 0, cancel.Token));

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => watching.WaitAsync(TimeSpan.FromSeconds(30), Ct));
    }

    [Fact]
    public async Task InterruptIdle_RunningTracesNotWrittenSince_AreInterruptedInEveryTenantAndWatchEnds()
    {
        var store = await NewStoreAsync();
        var idle = Events.Session();
        var otherTenant = Events.Session("t2");
        var done = Events.Session();
        await store.CreateAsync(idle, Ct);
        await store.AppendAsync("t1", idle.TaskId, Events.Range(1, 2), Ct);
        await store.CreateAsync(otherTenant, Ct);
        await store.CreateAsync(done, Ct);
        await store.CompleteAsync("t1", done.TaskId, Completion(TraceStatus.Completed), Ct);
        var watching = Collect(store.WatchAsync("t1", idle.TaskId, 0, Ct));

        var interrupted = await store.InterruptIdleAsync(DateTimeOffset.UtcNow.AddMinutes(1), Completion(TraceStatus.Interrupted) with { Error = "idle" }, Ct);

        Assert.Equal(2, interrupted);
        var read = (await store.GetAsync("t1", idle.TaskId, Ct))!;
        Assert.Equal(TraceStatus.Interrupted, read.Status);
        Assert.Equal("idle", read.Error);
        Assert.Equal(TraceStatus.Interrupted, (await store.GetAsync("t2", otherTenant.TaskId, Ct))!.Status);
        Assert.Equal(TraceStatus.Completed, (await store.GetAsync("t1", done.TaskId, Ct))!.Status);
        Assert.Equal(1, (await store.ListAsync("t1", new TraceQuery { Status = TraceStatus.Interrupted }, Ct)).Total);
        Assert.Equal(0, (await store.ListAsync("t1", new TraceQuery { Status = TraceStatus.Running }, Ct)).Total);
        Assert.Equal([1L, 2L], (await watching.WaitAsync(TimeSpan.FromSeconds(30), Ct)).Select(e => e.Seq));
    }

    [Fact]
    public async Task InterruptIdle_TraceWrittenSince_StaysRunning()
    {
        var store = await NewStoreAsync();
        var session = Events.Session();
        var idleSince = DateTimeOffset.UtcNow.AddMinutes(-1);
        await store.CreateAsync(session, Ct);
        await store.AppendAsync("t1", session.TaskId, Events.Range(1, 1), Ct);

        var interrupted = await store.InterruptIdleAsync(idleSince, Completion(TraceStatus.Interrupted), Ct);

        Assert.Equal(0, interrupted);
        Assert.Equal(TraceStatus.Running, (await store.GetAsync("t1", session.TaskId, Ct))!.Status);
    }

    [Fact]
    public async Task WatchTraces_GivesCreatedAndFinishedTracesOfTheTenantOnly()
    {
        var store = await NewStoreAsync();
        await using var feed = store.WatchTracesAsync("t1", Ct).GetAsyncEnumerator(Ct);

        var first = await Feeds.UntilLiveAsync(feed, () => store.CreateAsync(Events.Session("t2"), Ct), () => store.CreateAsync(Events.Session("t1"), Ct));
        await store.CompleteAsync("t1", first.TaskId, Completion(TraceStatus.Completed), Ct);

        Assert.Equal("t1", first.TenantId);
        var notice = first;
        while (notice.TaskId != first.TaskId || !notice.IsFinished)
        {
            Assert.True(await feed.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30), Ct));
            notice = feed.Current;
            Assert.Equal("t1", notice.TenantId);
        }

        Assert.Equal(TraceStatus.Completed, notice.Status);
    }

    [Fact]
    public async Task WatchTraces_Append_AnnouncesTheTraceWithItsNewEventsAndSummary()
    {
        var store = await NewStoreAsync();
        await using var feed = store.WatchTracesAsync("t1", Ct).GetAsyncEnumerator(Ct);
        await Feeds.UntilLiveAsync(feed, () => store.CreateAsync(Events.Session("t1"), Ct));
        var trace = Events.Session("t1");
        var otherTenants = Events.Session("t2");
        await store.CreateAsync(trace, Ct);
        await store.CreateAsync(otherTenants, Ct);

        await store.AppendAsync("t2", otherTenants.TaskId, Events.Range(1, 2), Ct);
        await store.AppendAsync("t1", trace.TaskId, Events.Range(1, 3, TraceEventType.LlmCallCompleted), Ct);

        var seen = await NoticesUntilAsync(feed, n => n.TaskId == trace.TaskId && n.LastSeq == 3);
        Assert.All(seen, n => Assert.Equal("t1", n.TenantId));
        var notice = seen[^1];
        Assert.Equal((TraceStatus.Running, 3L, 3L), (notice.Status, notice.Summary.TotalEvents, notice.Summary.TotalLlmCalls));
    }

    [Fact]
    public async Task WatchTraces_BusyTraceWhileTheReaderWaits_IsGivenOnceAsItIsThen()
    {
        const int Appends = 300;
        var store = await NewStoreAsync();
        await using var feed = store.WatchTracesAsync("t1", Ct).GetAsyncEnumerator(Ct);
        await Feeds.UntilLiveAsync(feed, () => store.CreateAsync(Events.Session("t1"), Ct));
        var busy = Events.Session("t1");
        var after = Events.Session("t1");

        await store.CreateAsync(busy, Ct);
        for (var seq = 1; seq <= Appends; seq++)
        {
            await store.AppendAsync("t1", busy.TaskId, Events.Range(seq, seq), Ct);
        }

        await store.CompleteAsync("t1", busy.TaskId, Completion(TraceStatus.Completed), Ct);
        await store.CreateAsync(after, Ct);

        // More changes than a reader may have waiting (FeedChannel.Capacity), yet nothing after them is lost.
        var seen = await NoticesUntilAsync(feed, n => n.TaskId == after.TaskId);
        var notices = seen.Where(n => n.TaskId == busy.TaskId).ToList();
        Assert.InRange(notices.Count, 1, 3);
        Assert.Equal((TraceStatus.Completed, (long)Appends, (long)Appends), (notices[^1].Status, notices[^1].LastSeq, notices[^1].Summary.TotalEvents));
    }

    protected static TraceCompletion Completion(TraceStatus status) => new()
    {
        Status = status,
        CompletedAt = Events.Start.AddSeconds(2),
    };

    /// <summary>The feed's notices up to and including the first that <paramref name="last"/> accepts.</summary>
    private static async Task<List<TraceSession>> NoticesUntilAsync(IAsyncEnumerator<TraceSession> feed, Func<TraceSession, bool> last)
    {
        var seen = new List<TraceSession>();
        do
        {
            Assert.True(await feed.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30), Ct));
            seen.Add(feed.Current);
        }
        while (!last(feed.Current));

        return seen;
    }

    private static async Task<List<TraceEvent>> Collect(IAsyncEnumerable<TraceEvent> events)
    {
        var list = new List<TraceEvent>();
        await foreach (var e in events)
        {
            list.Add(e);
        }

        return list;
    }
}
