using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace AgentTrace.Domain.Agents.Conversations;

/// <summary>
/// Conversations in this process, for the embedded trace store. Holds at most
/// <see cref="AgentsOptions.MaxConversations"/> (the least recently used is forgotten first) and the last
/// <see cref="AgentsOptions.MaxHistoryMessages"/> messages of each.
/// </summary>
public sealed class InMemoryConversationStore(IOptions<AgentsOptions> options) : IConversationStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Tenant, string Agent, string Session), LinkedListNode<Conversation>> _byKey = [];
    private readonly LinkedList<Conversation> _recent = new();

    public Task<IReadOnlyList<ChatMessage>> HistoryAsync(string tenantId, string agentId, string sessionId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<ChatMessage>>(_byKey.TryGetValue((tenantId, agentId, sessionId), out var node)
                ? [.. node.Value.Messages.Select(m => new ChatMessage(m.Role, m.Text))]
                : []);
        }
    }

    public Task AppendAsync(string tenantId, string agentId, string sessionId, string question, string answer, CancellationToken cancellationToken)
    {
        var key = (tenantId, agentId, sessionId);
        lock (_lock)
        {
            if (_byKey.TryGetValue(key, out var node))
            {
                _recent.Remove(node);
            }
            else
            {
                node = new LinkedListNode<Conversation>(new Conversation(key));
                _byKey[key] = node;
            }

            _recent.AddFirst(node);
            var messages = node.Value.Messages;
            messages.Add((ChatRole.User, question));
            messages.Add((ChatRole.Assistant, answer));
            var limit = options.Value.MaxHistoryMessages;
            if (messages.Count > limit)
            {
                messages.RemoveRange(0, messages.Count - limit);
            }

            while (_byKey.Count > options.Value.MaxConversations && _recent.Last is { } oldest)
            {
                _recent.RemoveLast();
                _byKey.Remove(oldest.Value.Key);
            }
        }

        return Task.CompletedTask;
    }

    private sealed record Conversation((string Tenant, string Agent, string Session) Key)
    {
        public List<(ChatRole Role, string Text)> Messages { get; } = [];
    }
}
