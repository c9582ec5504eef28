using AgentTrace.Domain.DependencyInjection;
using AgentTrace.Domain.Model;
using AgentTrace.Domain.Recording;
using AgentTrace.Domain.Storage;
using AgentTrace.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AgentTrace.Tests.Storage;

public sealed class RedisFaultTests
{
    private const int Total = 3000;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RedisKilledAndRestartedMidRun_EverySeqIsStoredAndWatchedExactlyOnce()
    {
        await using var server = await RedisServer.StartNewAsync(durable: true);
        using var host = StartHost(server);
        await host.StartAsync(Ct);
        var store = host.Services.GetRequiredService<ITraceStore>();
        var trace = await host.Services.GetRequiredService<TraceRecorder>().StartAsync(Events.Session(), Ct);
        var watching = store.WatchAsync("t1", trace.TaskId, 0, Ct).ToListAsync(Ct).AsTask();
        var recording = RecordAsync(trace);

        await WaitUntilStoredAsync(store, trace.TaskId, Total / 4).WaitAsync(TimeSpan.FromSeconds(30), Ct);
        server.Kill();
        Assert.False(recording.IsCompleted, "the run should still be recording when Redis is killed");
        await Task.Delay(300, Ct);
        await server.StartAsync();
        await recording;
        await trace.CompleteAsync(new TraceCompletion { Status = TraceStatus.Completed, CompletedAt = DateTimeOffset.UtcNow }, Ct);

        var expected = Enumerable.Range(1, Total).Select(i => (long)i).ToList();
        Assert.Equal(expected, await StoredSeqsAsync(store, trace.TaskId));
        Assert.Equal(expected, (await watching.WaitAsync(TimeSpan.FromSeconds(60), Ct)).Select(e => e.Seq));
        var session = (await store.GetAsync("t1", trace.TaskId, Ct))!;
        Assert.Equal(Total, session.Summary.TotalEvents);
        Assert.Equal(Total, session.LastSeq);
    }

    private static IHost StartHost(RedisServer server)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AgentTrace:Storage:Redis"] = server.ConnectionString,
            ["AgentTrace:Recording:MaxBatchSize"] = "50",
        });
        builder.Services.AddLogging();
        builder.Services.AddAgentTraceDomain();
        return builder.Build();
    }

    private static async Task RecordAsync(ActiveTrace trace)
    {
        for (var i = 1; i <= Total; i++)
        {
            await trace.RecordAsync(new TraceEvent { EventType = TraceEventType.NodeStarted, ComponentId = "node-1" }, Ct);
            if (i % 5 == 0)
            {
                await Task.Delay(1, Ct);
            }
        }
    }

    private static async Task WaitUntilStoredAsync(ITraceStore store, string taskId, long seq)
    {
        while ((await store.GetAsync("t1", taskId, Ct))?.LastSeq < seq)
        {
            await Task.Delay(10, Ct);
        }
    }

    private static async Task<List<long>> StoredSeqsAsync(ITraceStore store, string taskId)
    {
        var seqs = new List<long>();
        EventPage page;
        do
        {
            page = (await store.GetEventsAsync("t1", taskId, new EventQuery { AfterSeq = seqs.LastOrDefault(), Limit = Paging.MaxEventLimit }, Ct))!;
            seqs.AddRange(page.Events.Select(e => e.Seq));
        }
        while (page.Events.Count > 0);

        return seqs;
    }
}
