using System.Net;
using AgentTrace.Domain.Model;
using AgentTrace.Domain.Storage;
using AgentTrace.Domain.Storage.Redis;
using AgentTrace.Tests.Support;
using StackExchange.Redis;

namespace AgentTrace.Tests.Storage;

/// <summary>
/// The trace store on a Redis Cluster of three masters, where a trace's keys and its tenant's index keys are
/// usually on different nodes.
/// </summary>
public sealed class RedisClusterTraceStoreTests(RedisClusterFixture cluster) : RedisTraceStoreContract(cluster), IClassFixture<RedisClusterFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Keys_OfOneTraceShareASlot_AndATenantsIndexesShareAnother()
    {
        var keys = new RedisKeys("p");
        var all = cluster.Redis.HashSlot(keys.All("t1"));

        Assert.Equal(cluster.Redis.HashSlot(keys.Trace("t1", "task-a")), cluster.Redis.HashSlot(keys.Events("t1", "task-a")));
        Assert.All(
            [keys.Agent("t1", "agent-a"), keys.User("t1", "u1"), keys.Status("t1", "running"), keys.Expiry("t1"), keys.Owners("t1"), keys.Scratch("t1")],
            key => Assert.Equal(all, cluster.Redis.HashSlot(key)));
        Assert.NotEqual(all, cluster.Redis.HashSlot(keys.All("t2")));
    }

    [Fact]
    public async Task Trace_OnAnotherMasterThanItsTenantsIndexes_IsListedFilteredCompletedAndDeleted()
    {
        var keys = new RedisKeys("cluster-" + Guid.NewGuid().ToString("N")[..12]);
        var store = cluster.NewStore(prefix: keys.Prefix);
        var servers = cluster.Redis.GetServers();
        var nodes = servers[0].ClusterConfiguration!;
        var indexNode = nodes.GetBySlot(keys.All("t1"))!.EndPoint;
        var session = Enumerable.Range(0, 100).Select(i => Events.Session() with { TaskId = $"task-{i}" })
            .First(s => !Equals(nodes.GetBySlot(keys.Trace("t1", s.TaskId))!.EndPoint, indexNode));
        var filtered = new TraceQuery { AgentId = "agent-a", UserId = "u1", Status = TraceStatus.Completed };

        await store.CreateAsync(session, Ct);
        await store.AppendAsync("t1", session.TaskId, Events.Range(1, 5), Ct);
        await store.CompleteAsync("t1", session.TaskId, Completion(TraceStatus.Completed), Ct);
        var listed = await store.ListAsync("t1", filtered, Ct);
        var deleted = await store.DeleteAsync("t1", session.TaskId, Ct);

        Assert.Equal(RedisCluster.Masters, servers.Count(s => s.ServerType == ServerType.Cluster && !s.IsReplica));
        Assert.Equal(RedisCluster.Masters, nodes.Nodes.Select(n => n.EndPoint).OfType<IPEndPoint>().Distinct().Count());
        Assert.Equal([session.TaskId], listed.Sessions.Select(s => s.TaskId));
        Assert.Equal(5, listed.Sessions[0].Summary.TotalEvents);
        Assert.True(deleted);
        Assert.Equal(0, (await store.ListAsync("t1", new TraceQuery(), Ct)).Total);
    }
}
