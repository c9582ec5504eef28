namespace AgentTrace.Tests.Support;

/// <summary>A Redis Cluster of three masters and one connection to it, shared by a test class.</summary>
public sealed class RedisClusterFixture : RedisStoreFixture
{
    protected override async Task<(IAsyncDisposable Servers, string ConnectionString)> StartServersAsync()
    {
        var cluster = await RedisCluster.StartNewAsync();
        return (cluster, cluster.ConnectionString);
    }
}
