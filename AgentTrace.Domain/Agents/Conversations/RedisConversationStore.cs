using AgentTrace.Domain.Storage.Redis;
using Microsoft.Extensions.AI;
using StackExchange.Redis;

namespace AgentTrace.Domain.Agents.Conversations;

/// <summary>
/// Conversations in Redis, one list per conversation holding its last messages, each a role letter (<c>u</c> or
/// <c>a</c>) then the text. A conversation expires as traces do, counted from its last message.
/// </summary>
internal sealed class RedisConversationStore(IDatabase db, RedisKeys keys, int maxMessages, TimeSpan retention) : IConversationStore
{
    private const char User = 'u';
    private const char Assistant = 'a';

    public async Task<IReadOnlyList<ChatMessage>> HistoryAsync(string tenantId, string agentId, string sessionId, CancellationToken cancellationToken)
    {
        var entries = await db.ListRangeAsync(keys.Conversation(tenantId, agentId, sessionId)).WaitAsync(cancellationToken).ConfigureAwait(false);
        return [.. entries.Select(e => (string)e!).Where(e => e.Length > 0).Select(e => new ChatMessage(e[0] == User ? ChatRole.User : ChatRole.Assistant, e[1..]))];
    }

    public async Task AppendAsync(string tenantId, string agentId, string sessionId, string question, string answer, CancellationToken cancellationToken)
    {
        var key = keys.Conversation(tenantId, agentId, sessionId);
        var batch = db.CreateTransaction();
        _ = batch.ListRightPushAsync(key, [User + question, Assistant + answer]);
        _ = batch.ListTrimAsync(key, -maxMessages, -1);
        _ = batch.KeyExpireAsync(key, retention);
        await batch.ExecuteAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
    }
}
