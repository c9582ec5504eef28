using AgentTrace.Domain.Agents.Catalog;
using AgentTrace.Tests.Support;

namespace AgentTrace.Tests.Storage;

public sealed class RedisClusterAgentStoreTests(RedisClusterFixture cluster) : AgentStoreContract, IClassFixture<RedisClusterFixture>
{
    protected override IAgentStore NewStore() => cluster.NewBackend().Agents;
}
