using AgentTrace.Domain.Agents.Conversations;
using AgentTrace.Tests.Support;

namespace AgentTrace.Tests.Storage;

public sealed class RedisClusterConversationStoreTests(RedisClusterFixture cluster) : ConversationStoreContract, IClassFixture<RedisClusterFixture>
{
    protected override IConversationStore NewStore(int maxMessages = 20) => cluster.NewBackend(maxMessages: maxMessages, clock: Clock).Conversations;
}
