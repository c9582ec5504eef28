using AgentTrace.Domain.Model;
using AgentTrace.Domain.Storage;
using AgentTrace.Domain.Storage.Redis;
using AgentTrace.Tests.Support;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AgentTrace.Tests.Storage;

/// <summary>
/// The trace store contract and what only the Redis store does (expiry, indexes, pub/sub between connections), run
/// against the Redis of a fixture: a standalone server or a cluster.
/// </summary>
public abstract class RedisTraceStoreContract(RedisStoreFixture redis) : TraceStoreContract
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IDatabase Db => redis.Redis.GetDatabase();

    protected override Task<ITraceStore> NewStoreAsync(Action<StorageOptions>? configure = null)
    {
        var options = RedisStoreFixture.NewOptions();
        configure?.Invoke(options);
        return Task.FromResult<ITraceStore>(new RedisTraceStore(redis.Redis, Options.Create(options), TimeProvider.System));
    }

    [Fact]
    public async Task Writes_SetRetentionTtlOnEveryKeyOfTheTrace()
    {
        var options = RedisStoreFixture.NewOptions(retentionDays: 2);
        var store = new RedisTraceStore(redis.Redis, Options.Create(options), TimeProvider.System);
        var keys = new RedisKeys(options.RedisKeyPrefix);
        var session = Events.Session();

        await store.CreateAsync(session, Ct);
        await store.AppendAsync("t1", session.TaskId, Events.Range(1, 3), Ct);
        var afterAppend = await Ttls(keys, session);
        await store.CompleteAsync("t1", session.TaskId, Completion(TraceStatus.Completed), Ct);
        var afterComplete = await Ttls(keys, session);

        Assert.All(afterAppend.Concat(afterComplete), ttl => Assert.InRange(ttl!.Value, TimeSpan.FromDays(2) - TimeSpan.FromMinutes(1), TimeSpan.FromDays(2)));
    }

    [Fact]
    public async Task Complete_MovesTraceFromRunningIndexToItsStatusIndex()
    {
        var options = RedisStoreFixture.NewOptions();
        var store = new RedisTraceStore(redis.Redis, Options.Create(options), TimeProvider.System);
        var keys = new RedisKeys(options.RedisKeyPrefix);
        var session = Events.Session();
        await store.CreateAsync(session, Ct);
        Assert.NotNull(await Db.SortedSetScoreAsync(keys.Status("t1", "running"), session.TaskId));

        await store.CompleteAsync("t1", session.TaskId, Completion(TraceStatus.Failed), Ct);

        Assert.Null(await Db.SortedSetScoreAsync(keys.Status("t1", "running"), session.TaskId));
        Assert.NotNull(await Db.SortedSetScoreAsync(keys.Status("t1", "failed"), session.TaskId));
        Assert.Equal(1, (await store.ListAsync("t1", new TraceQuery { Status = TraceStatus.Failed, AgentId = "agent-a" }, Ct)).Total);
    }

    [Fact]
    public async Task Create_RetriedAfterItsIndexingFailed_IndexesTheTraceOnce()
    {
        var options = RedisStoreFixture.NewOptions();
        var store = new RedisTraceStore(redis.Redis, Options.Create(options), TimeProvider.System);
        var keys = new RedisKeys(options.RedisKeyPrefix);
        var session = Events.Session();
        await store.CreateAsync(session, Ct);
        await Db.SortedSetRemoveAsync(keys.All("t1"), session.TaskId);

        var retried = await store.CreateAsync(session, Ct);
        var again = await store.CreateAsync(session, Ct);

        Assert.True(retried);
        Assert.False(again);
        Assert.Equal([session.TaskId], (await store.ListAsync("t1", new TraceQuery(), Ct)).Sessions.Select(s => s.TaskId));
    }

    [Fact]
    public async Task SweepExpired_RemovesExpiredTracesFromEveryIndex()
    {
        var options = RedisStoreFixture.NewOptions(retentionDays: 1);
        var keys = new RedisKeys(options.RedisKeyPrefix);
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var store = new RedisTraceStore(redis.Redis, Options.Create(options), clock);
        var expired = Events.Session();
        await store.CreateAsync(expired, Ct);
        clock.Advance(TimeSpan.FromHours(12));
        var kept = Events.Session();
        await store.CreateAsync(kept, Ct);
        await Db.KeyDeleteAsync(keys.Trace("t1", expired.TaskId));
        clock.Advance(TimeSpan.FromHours(13));

        var swept = await store.SweepExpiredAsync(Ct);

        Assert.Equal(1, swept);
        var page = await store.ListAsync("t1", new TraceQuery(), Ct);
        Assert.Equal([kept.TaskId], page.Sessions.Select(s => s.TaskId));
        Assert.Equal(1, page.Total);
        Assert.Equal(1, await Db.SortedSetLengthAsync(keys.Agent("t1", "agent-a")));
        Assert.Equal(1, await Db.SortedSetLengthAsync(keys.User("t1", "u1")));
        Assert.Equal(1, await Db.SortedSetLengthAsync(keys.Status("t1", "running")));
        Assert.Equal(1, await Db.HashLengthAsync(keys.Owners("t1")));
    }

    [Fact]
    public async Task Watch_OnAnotherInstance_GetsEveryEventOnceAndEndsOnRemoteComplete()
    {
        var options = RedisStoreFixture.NewOptions();
        await using var otherConnection = RedisConnection.Connect(redis.ConnectionString);
        var writer = redis.NewStore(prefix: options.RedisKeyPrefix);
        var reader = redis.NewStore(otherConnection, options.RedisKeyPrefix);
        var session = Events.Session();
        await writer.CreateAsync(session, Ct);
        await writer.AppendAsync("t1", session.TaskId, Events.Range(1, 10), Ct);
        var watching = reader.WatchAsync("t1", session.TaskId, 5, Ct).ToListAsync(Ct).AsTask();

        var appends = Enumerable.Range(0, 4).Select(async worker =>
        {
            for (var seq = 11 + worker; seq <= 400; seq += 4)
            {
                while ((await writer.AppendAsync("t1", session.TaskId, [Events.Event(seq)], Ct)).Outcome == AppendOutcome.Gap)
                {
                    await Task.Yield();
                }
            }
        });
        await Task.WhenAll(appends);
        await writer.CompleteAsync("t1", session.TaskId, Completion(TraceStatus.Completed), Ct);

        var seen = await watching.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        Assert.Equal(Enumerable.Range(6, 395).Select(i => (long)i), seen.Select(e => e.Seq));
    }

    [Fact]
    public async Task Watch_ManyWatchersOfOneTrace_ShareOneSubscriptionThatEndsWithThem()
    {
        var options = RedisStoreFixture.NewOptions();
        var store = new RedisTraceStore(redis.Redis, Options.Create(options), TimeProvider.System);
        var session = Events.Session();
        var channel = new RedisKeys(options.RedisKeyPrefix).Watch("t1", session.TaskId);
        await store.CreateAsync(session, Ct);
        var watchers = Enumerable.Range(0, 3).Select(_ => store.WatchAsync("t1", session.TaskId, 0, Ct).ToListAsync(Ct).AsTask()).ToList();

        await WaitForSubscribersAsync(channel, 1).WaitAsync(TimeSpan.FromSeconds(30), Ct);
        await store.CompleteAsync("t1", session.TaskId, Completion(TraceStatus.Completed), Ct);
        await Task.WhenAll(watchers).WaitAsync(TimeSpan.FromSeconds(30), Ct);

        await WaitForSubscribersAsync(channel, 0).WaitAsync(TimeSpan.FromSeconds(30), Ct);
    }

    /// <summary>
    /// Waits until Redis counts <paramref name="count"/> subscribed connections on the channel, summed over its
    /// servers (a cluster node counts only its own subscribers).
    /// </summary>
    private async Task WaitForSubscribersAsync(RedisChannel channel, long count)
    {
        while (await SubscribersAsync(channel) != count)
        {
            await Task.Delay(10, Ct);
        }
    }

    private async Task<long> SubscribersAsync(RedisChannel channel)
    {
        var counts = await Task.WhenAll(redis.Redis.GetServers().Where(s => !s.IsReplica).Select(s => s.ExecuteAsync("PUBSUB", "NUMSUB", channel.ToString())));
        return counts.Sum(c => (long)((RedisResult[])c!)[1]);
    }

    private async Task<TimeSpan?[]> Ttls(RedisKeys keys, TraceSession session) =>
        [await Db.KeyTimeToLiveAsync(keys.Trace("t1", session.TaskId)), await Db.KeyTimeToLiveAsync(keys.Events("t1", session.TaskId))];
}
