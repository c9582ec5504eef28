using AgentTrace.Domain.Model;
using AgentTrace.Domain.Recording;
using AgentTrace.Domain.Storage;
using AgentTrace.Tests.Support;

namespace AgentTrace.Tests.Domain.Recording;

public sealed class TraceRecorderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Start_ReturnsOnceTheTraceIsStored_EvenWhileTheStoreFails()
    {
        var store = new FlakyStore(failures: 3);
        await using var harness = new RecordingHarness(store);

        var trace = await harness.Recorder.StartAsync(Events.Session(), Ct);

        var session = await store.GetAsync("t1", trace.TaskId, Ct);
        Assert.NotNull(session);
        Assert.Equal((TraceStatus.Running, 0L), (session.Status, session.LastSeq));
        Assert.Equal(3, store.Failed);
    }

    [Fact]
    public async Task Record_ManyEvents_StoredWithGapFreeSeqInOrder()
    {
        await using var harness = new RecordingHarness();
        var trace = await harness.Recorder.StartAsync(Events.Session(), Ct);

        for (var i = 0; i < 5000; i++)
        {
            await trace.RecordAsync(new TraceEvent { EventType = TraceEventType.NodeStarted, ComponentId = $"n{i}" }, Ct);
        }

        await trace.FlushAsync(Ct);
        var page = (await harness.Store.GetEventsAsync("t1", trace.TaskId, new EventQuery { Limit = 10_000 }, Ct))!;
        Assert.Equal(Enumerable.Range(1, 5000).Select(i => (long)i), page.Events.Select(e => e.Seq));
        Assert.Equal(Enumerable.Range(0, 5000).Select(i => $"n{i}"), page.Events.Select(e => e.ComponentId));
        Assert.All(page.Events, e => Assert.NotEqual("", e.EventId));
        Assert.All(page.Events, e => Assert.NotEqual(default, e.Timestamp));
    }

    [Fact]
    public async Task Record_ConcurrentProducers_NoGapNoDuplicate()
    {
        await using var harness = new RecordingHarness(recorderOptions: new RecorderOptions { QueueCapacity = 64 });
        var trace = await harness.Recorder.StartAsync(Events.Session(), Ct);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(p => Task.Run(async () =>
        {
            for (var i = 0; i < 500; i++)
            {
                await trace.RecordAsync(new TraceEvent { EventType = TraceEventType.NodeStarted, ComponentId = $"p{p}" }, Ct);
            }
        }, Ct)));
        await trace.FlushAsync(Ct);

        var page = (await harness.Store.GetEventsAsync("t1", trace.TaskId, new EventQuery { Limit = 10_000 }, Ct))!;
        Assert.Equal(Enumerable.Range(1, 4000).Select(i => (long)i), page.Events.Select(e => e.Seq));
        Assert.All(Enumerable.Range(0, 8), p => Assert.Equal(500, page.Events.Count(e => e.ComponentId == $"p{p}")));
    }

    [Fact]
    public async Task Record_ThinkingAtStandard_IsNotRecorded()
    {
        await using var harness = new RecordingHarness();
        var trace = await harness.Recorder.StartAsync(Events.Session(level: TraceLevel.Standard), Ct);

        await trace.RecordAsync(new TraceEvent { EventType = TraceEventType.ThinkingStarted, Thoughts = "hmm" }, Ct);
        await trace.RecordAsync(new TraceEvent { EventType = TraceEventType.NodeStarted }, Ct);
        await trace.FlushAsync(Ct);

        var page = (await harness.Store.GetEventsAsync("t1", trace.TaskId, new EventQuery(), Ct))!;
        Assert.Equal([TraceEventType.NodeStarted], page.Events.Select(e => e.EventType));
        Assert.Equal(1, page.Events[0].Seq);
    }

    [Fact]
    public async Task Complete_AfterEvents_StoresEventsFirstAndEndsWatchers()
    {
        await using var harness = new RecordingHarness();
        var trace = await harness.Recorder.StartAsync(Events.Session(), Ct);
        var watching = Task.Run(async () =>
        {
            var seen = new List<long>();
            await foreach (var e in harness.Store.WatchAsync("t1", trace.TaskId, 0, Ct))
            {
                seen.Add(e.Seq);
            }

            return seen;
        }, Ct);

        for (var i = 0; i < 100; i++)
        {
            await trace.RecordAsync(new TraceEvent { EventType = TraceEventType.NodeStarted }, Ct);
        }

        var result = await trace.CompleteAsync(new TraceCompletion { Status = TraceStatus.Completed, CompletedAt = DateTimeOffset.UtcNow, ElapsedSeconds = 0.5 }, Ct);

        Assert.Equal(CompleteOutcome.Completed, result.Outcome);
        Assert.Equal(100, result.Session!.LastSeq);
        Assert.Equal(Enumerable.Range(1, 100).Select(i => (long)i), await watching.WaitAsync(TimeSpan.FromSeconds(30), Ct));
    }

    [Fact]
    public async Task Record_StoreFailsForAWhile_NothingLost()
    {
        var store = new FlakyStore(failures: 5);
        await using var harness = new RecordingHarness(store);
        var trace = await harness.Recorder.StartAsync(Events.Session(), Ct);

        for (var i = 0; i < 50; i++)
        {
            await trace.RecordAsync(new TraceEvent { EventType = TraceEventType.NodeStarted }, Ct);
        }

        await trace.FlushAsync(Ct);
        var page = (await store.GetEventsAsync("t1", trace.TaskId, new EventQuery(), Ct))!;
        Assert.Equal(Enumerable.Range(1, 50).Select(i => (long)i), page.Events.Select(e => e.Seq));
        Assert.True(store.Failed >= 5);
    }

    [Fact]
    public async Task Append_ClientBatch_ValidatesSeqAgainstStore()
    {
        await using var harness = new RecordingHarness();
        var trace = await harness.Recorder.StartAsync(Events.Session(), Ct);

        var first = await trace.AppendAsync([Events.Event(1) with { EventId = "" }, Events.Event(2) with { EventId = "" }], Ct);
        var duplicate = await trace.AppendAsync([Events.Event(2)], Ct);
        var gap = await trace.AppendAsync([Events.Event(5)], Ct);
        var unnumbered = await trace.AppendAsync([Events.Event(0)], Ct);

        Assert.Equal((IngestOutcome.Accepted, 2, 2L), (first.Outcome, first.Accepted, first.LastSeq));
        Assert.Equal((IngestOutcome.Accepted, 0, 1), (duplicate.Outcome, duplicate.Accepted, duplicate.Duplicates));
        Assert.Equal(IngestOutcome.Gap, gap.Outcome);
        Assert.Equal(3, unnumbered.LastSeq);
    }
}
