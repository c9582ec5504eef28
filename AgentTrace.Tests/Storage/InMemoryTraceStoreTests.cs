using AgentTrace.Domain.Model;
using AgentTrace.Domain.Storage;
using AgentTrace.Domain.Storage.InMemory;
using AgentTrace.Tests.Support;
using Microsoft.Extensions.Options;

namespace AgentTrace.Tests.Storage;

public sealed class InMemoryTraceStoreTests : TraceStoreContract
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected override Task<ITraceStore> NewStoreAsync() => Task.FromResult<ITraceStore>(NewStore(new InMemoryStoreOptions()));

    [Fact]
    public async Task Create_OverMaxTraces_EvictsOldestFinishedFirstAndReportsFull()
    {
        var store = NewStore(new InMemoryStoreOptions { MaxTraces = 3 });
        var running = Events.Session(createdAt: Events.Start);
        var finished = Events.Session(createdAt: Events.Start.AddMinutes(1));
        await store.CreateAsync(running, Ct);
        await store.CreateAsync(finished, Ct);
        await store.CompleteAsync("t1", finished.TaskId, Completion(TraceStatus.Completed), Ct);
        await store.CreateAsync(Events.Session(createdAt: Events.Start.AddMinutes(2)), Ct);

        await store.CreateAsync(Events.Session(createdAt: Events.Start.AddMinutes(3)), Ct);

        Assert.Null(await store.GetAsync("t1", finished.TaskId, Ct));
        Assert.NotNull(await store.GetAsync("t1", running.TaskId, Ct));
        var page = await store.ListAsync("t1", new TraceQuery(), Ct);
        Assert.Equal(3, page.Total);
        Assert.True(page.IsFull);
        Assert.Equal(1, store.EvictedTraces);
    }

    [Fact]
    public async Task Append_OverMaxEventsPerTrace_CountsDroppedEvents()
    {
        var store = NewStore(new InMemoryStoreOptions { MaxEventsPerTrace = 5 });
        var session = Events.Session();
        await store.CreateAsync(session, Ct);

        var result = await store.AppendAsync("t1", session.TaskId, Events.Range(1, 8), Ct);

        Assert.Equal(5, result.Appended);
        Assert.Equal(3, result.Dropped);
        var read = (await store.GetAsync("t1", session.TaskId, Ct))!;
        Assert.Equal(3, read.Summary.DroppedEvents);
        Assert.Equal(8, read.LastSeq);
        Assert.Equal(5, (await store.GetEventsAsync("t1", session.TaskId, new EventQuery(), Ct))!.Total);
    }

    [Fact]
    public async Task List_NotAtCapacity_IsNotFull()
    {
        var store = NewStore(new InMemoryStoreOptions { MaxTraces = 3 });
        await store.CreateAsync(Events.Session(), Ct);

        Assert.False((await store.ListAsync("t1", new TraceQuery(), Ct)).IsFull);
    }

    private static InMemoryTraceStore NewStore(InMemoryStoreOptions options) => new(Options.Create(options));
}
