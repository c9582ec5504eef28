using AgentTrace.Domain.Model;
using AgentTrace.Domain.Storage;
using AgentTrace.Domain.Storage.InMemory;
using AgentTrace.Tests.Support;
using Microsoft.Extensions.Options;

namespace AgentTrace.Tests.Storage;

public sealed class InMemoryTraceStoreTests : TraceStoreContract
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected override Task<ITraceStore> NewStoreAsync(Action<StorageOptions>? configure = null)
    {
        var storage = new StorageOptions();
        configure?.Invoke(storage);
        return Task.FromResult<ITraceStore>(new InMemoryTraceStore(Options.Create(new InMemoryStoreOptions()), storage: Options.Create(storage)));
    }

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
    public async Task List_NotAtCapacity_IsNotFull()
    {
        var store = NewStore(new InMemoryStoreOptions { MaxTraces = 3 });
        await store.CreateAsync(Events.Session(), Ct);

        Assert.False((await store.ListAsync("t1", new TraceQuery(), Ct)).IsFull);
    }

    [Fact]
    public async Task RemoveExpired_AfterRetention_ForgetsTracesFromWhenTheyWereStoredOrCompleted()
    {
        var clock = new ManualClock(Events.Start);
        var store = new InMemoryTraceStore(Options.Create(new InMemoryStoreOptions()), clock, Options.Create(new StorageOptions { RetentionDays = 7 }));
        var running = Events.Session(createdAt: Events.Start.AddDays(-30));
        var finishedLate = Events.Session(createdAt: Events.Start);
        await store.CreateAsync(running, Ct);
        await store.CreateAsync(finishedLate, Ct);
        clock.Advance(TimeSpan.FromDays(2));
        var young = Events.Session(createdAt: Events.Start);
        await store.CreateAsync(young, Ct);
        clock.Advance(TimeSpan.FromDays(1));
        await store.CompleteAsync("t1", finishedLate.TaskId, new TraceCompletion { Status = TraceStatus.Completed, CompletedAt = Events.Start }, Ct);

        clock.Advance(TimeSpan.FromDays(4));
        Assert.Equal(1, await store.RemoveExpiredAsync(Ct));
        Assert.Null(await store.GetAsync("t1", running.TaskId, Ct));
        Assert.NotNull(await store.GetAsync("t1", finishedLate.TaskId, Ct));
        Assert.NotNull(await store.GetAsync("t1", young.TaskId, Ct));

        clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(2, await store.RemoveExpiredAsync(Ct));
        Assert.Equal(0, (await store.ListAsync("t1", new TraceQuery(), Ct)).Total);
    }

    private static InMemoryTraceStore NewStore(InMemoryStoreOptions options) => new(Options.Create(options));
}
