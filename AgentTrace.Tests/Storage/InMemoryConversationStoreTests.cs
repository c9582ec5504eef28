using AgentTrace.Domain.Agents;
using AgentTrace.Domain.Agents.Conversations;
using Microsoft.Extensions.Options;

namespace AgentTrace.Tests.Storage;

public sealed class InMemoryConversationStoreTests : ConversationStoreContract
{
    protected override IConversationStore NewStore(int maxMessages = 20) =>
        new InMemoryConversationStore(Options.Create(new AgentsOptions { MaxHistoryMessages = maxMessages }), Clock);
}
