using AgentTrace.Domain.Agents.Conversations;
using AgentTrace.Tests.Support;

namespace AgentTrace.Tests.Storage;

public sealed class RedisClusterConversationStoreTests(RedisClusterFixture cluster) : ConversationStoreContract, IClassFixture<RedisClusterFixture>
{
    protected override IConversationStore NewStore(int maxMessages) => cluster.NewBackend(maxMessages: maxMessages).Conversations;
}
