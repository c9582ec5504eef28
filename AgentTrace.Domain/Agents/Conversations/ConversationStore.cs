using AgentTrace.Domain.Agents.Catalog;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace AgentTrace.Domain.Agents.Conversations;

/// <summary>
/// The conversations of the built-in agents, in memory: per tenant, agent and session id, the questions and
/// answers so far. Holds at most <see cref="AgentsOptions.MaxConversations"/> (the least recently used is
/// forgotten first) and the last <see cref="AgentsOptions.MaxHistoryMessages"/> messages of each.
/// </summary>
public sealed class ConversationStore(IOptions<AgentsOptions> options)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Tenant, string Agent, string Session), LinkedListNode<Conversation>> _byKey = [];
    private readonly LinkedList<Conversation> _recent = new();

    /// <summary>The history given to the LLM: a copy of the conversation's last messages (empty when it is new).</summary>
    public IReadOnlyList<ChatMessage> History(string tenantId, string agentId, string sessionId)
    {
        lock (_lock)
        {
            return _byKey.TryGetValue((tenantId, agentId, sessionId), out var node)
                ? [.. node.Value.Messages.Select(m => new ChatMessage(m.Role, m.Text))]
                : [];
        }
    }

    /// <summary>Adds a question and its answer to the conversation, starting it when it is new.</summary>
    public void Append(string tenantId, string agentId, string sessionId, string question, string answer)
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
    }

    private sealed record Conversation((string Tenant, string Agent, string Session) Key)
    {
        public List<(ChatRole Role, string Text)> Messages { get; } = [];
    }
}
