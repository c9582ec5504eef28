using AgentTrace.Domain.Agents.Catalog;

namespace AgentTrace.Tests.Storage;

public sealed class InMemoryAgentStoreTests : AgentStoreContract
{
    protected override IAgentStore NewStore() => new InMemoryAgentStore();
}
