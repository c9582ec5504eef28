using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace AgentTrace.Domain.Agents.Conversations;

/// <summary>
/// Conversations in this process, for the embedded trace store. Holds at most
/// <see cref="AgentsOptions.MaxConversations"/> (the least recently used is forgotten first) and the last
/// <see cref="AgentsOptions.MaxHistoryMessages"/> messages of each.
/// </summary>
public sealed class InMemoryConversationStore(IOptions<AgentsOptions> options, TimeProvider clock) : IConversationStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Key, LinkedListNode<Entry>> _byKey = [];
    private readonly LinkedList<Entry> _recent = new();

    public Task<Conversation> StartAsync(string tenantId, string agentId, ConversationStart start, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(Touch(new Key(tenantId, agentId, start.SessionId), start, moved: false).Snapshot());
        }
    }

    public Task<Conversation?> GetAsync(string tenantId, string agentId, string sessionId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_byKey.TryGetValue(new Key(tenantId, agentId, sessionId), out var node) ? node.Value.Snapshot() : null);
        }
    }

    public Task<ConversationPage> ListAsync(string tenantId, string agentId, ConversationQuery query, CancellationToken cancellationToken = default)
    {
        List<Conversation> matches;
        lock (_lock)
        {
            matches = [.. _recent.Where(e => e.Key.Tenant == tenantId && e.Key.Agent == agentId).Select(e => e.Snapshot()).Where(query.Matches)];
        }

        Func<Conversation, DateTimeOffset> time = query.OrderBy == ConversationOrder.CreatedAt ? c => c.CreatedAt : c => c.UpdatedAt;
        var ordered = query.Descending ? matches.OrderByDescending(time) : matches.OrderBy(time);
        return Task.FromResult(new ConversationPage([.. ordered.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)], matches.Count));
    }

    public Task AppendAsync(string tenantId, string agentId, string sessionId, string question, string answer, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var entry = Touch(new Key(tenantId, agentId, sessionId), new ConversationStart(sessionId), moved: true);
            entry.Messages.Add(new ConversationMessage(ChatRole.User, question));
            entry.Messages.Add(new ConversationMessage(ChatRole.Assistant, answer));
            var limit = options.Value.MaxHistoryMessages;
            if (entry.Messages.Count > limit)
            {
                entry.Messages.RemoveRange(0, entry.Messages.Count - limit);
            }
        }

        return Task.CompletedTask;
    }

    public Task<bool> DeleteAsync(string tenantId, string agentId, string sessionId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (!_byKey.Remove(new Key(tenantId, agentId, sessionId), out var node))
            {
                return Task.FromResult(false);
            }

            _recent.Remove(node);
            return Task.FromResult(true);
        }
    }

    /// <summary>The conversation of <paramref name="key"/>, started when new, first in recency; its update time moves when <paramref name="moved"/>.</summary>
    private Entry Touch(Key key, ConversationStart start, bool moved)
    {
        var now = clock.GetUtcNow();
        if (_byKey.TryGetValue(key, out var node))
        {
            _recent.Remove(node);
            if (moved)
            {
                node.Value.UpdatedAt = now;
            }
        }
        else
        {
            node = new LinkedListNode<Entry>(new Entry(key, start.UserId, start.Name, now) { UpdatedAt = now });
            _byKey[key] = node;
        }

        _recent.AddFirst(node);
        while (_byKey.Count > options.Value.MaxConversations && _recent.Last is { } oldest)
        {
            _recent.RemoveLast();
            _byKey.Remove(oldest.Value.Key);
        }

        return node.Value;
    }

    private readonly record struct Key(string Tenant, string Agent, string Session);

    private sealed record Entry(Key Key, string? UserId, string? Name, DateTimeOffset CreatedAt)
    {
        public DateTimeOffset UpdatedAt { get; set; }

        public List<ConversationMessage> Messages { get; } = [];

        public Conversation Snapshot() => new()
        {
            SessionId = Key.Session,
            AgentId = Key.Agent,
            UserId = UserId,
            Name = Name,
            CreatedAt = CreatedAt,
            UpdatedAt = UpdatedAt,
            Messages = [.. Messages],
        };
    }
}
