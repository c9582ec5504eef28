using AgentTrace.Domain.Agents.Conversations;
using AgentTrace.Tests.Support;

namespace AgentTrace.Tests.Storage;

public sealed class RedisConversationStoreTests(RedisFixture redis) : ConversationStoreContract, IClassFixture<RedisFixture>
{
    protected override IConversationStore NewStore(int maxMessages = 20) => redis.NewBackend(maxMessages: maxMessages, clock: Clock).Conversations;
}
