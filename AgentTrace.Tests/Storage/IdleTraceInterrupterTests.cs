using AgentTrace.Domain.Model;
using AgentTrace.Domain.Storage;
using AgentTrace.Domain.Storage.InMemory;
using AgentTrace.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AgentTrace.Tests.Storage;

public sealed class IdleTraceInterrupterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task InterruptIdle_AfterTimeoutWithoutEvents_MarksOnlyIdleTracesInterrupted()
    {
        var clock = new ManualClock(Events.Start);
        var store = new InMemoryTraceStore(Options.Create(new InMemoryStoreOptions()), clock);
        var service = new IdleTraceInterrupter(store, Options.Create(new StorageOptions { InterruptAfterMinutes = 30 }), clock, NullLogger<IdleTraceInterrupter>.Instance);
        var idle = Events.Session();
        var active = Events.Session();
        await store.CreateAsync(idle, Ct);
        await store.CreateAsync(active, Ct);
        clock.Advance(TimeSpan.FromMinutes(20));
        await store.AppendAsync("t1", active.TaskId, Events.Range(1, 1), Ct);
        clock.Advance(TimeSpan.FromMinutes(11));

        var interrupted = await service.InterruptIdleAsync(Ct);

        Assert.Equal(1, interrupted);
        var read = (await store.GetAsync("t1", idle.TaskId, Ct))!;
        Assert.Equal(TraceStatus.Interrupted, read.Status);
        Assert.Contains("30 minutes", read.Error, StringComparison.Ordinal);
        Assert.Equal(clock.GetUtcNow(), read.CompletedAt);
        Assert.Equal(TraceStatus.Running, (await store.GetAsync("t1", active.TaskId, Ct))!.Status);
    }
}
