using AgentTrace.Domain.Agents.Catalog;
using AgentTrace.Tests.Support;

namespace AgentTrace.Tests.Storage;

public sealed class RedisAgentStoreTests(RedisFixture redis) : AgentStoreContract, IClassFixture<RedisFixture>
{
    protected override IAgentStore NewStore() => redis.NewBackend().Agents;
}
