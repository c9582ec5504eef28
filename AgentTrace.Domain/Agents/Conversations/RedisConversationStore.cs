using AgentTrace.Domain.Storage.Redis;
using Microsoft.Extensions.AI;
using StackExchange.Redis;

namespace AgentTrace.Domain.Agents.Conversations;

/// <summary>
/// Conversations in Redis: per conversation a list of its last messages (a role letter, <c>u</c> or <c>a</c>, then the
/// text) and a hash of who holds it and when it started and changed; per agent two sorted sets of session ids, by
/// update and by start time. Every key expires as traces do, counted from the last message; a session id whose keys
/// expired is dropped from the sets when a listing meets it.
/// </summary>
internal sealed class RedisConversationStore(IDatabase db, RedisKeys keys, int maxMessages, TimeSpan retention, TimeProvider clock) : IConversationStore
{
    private const char User = 'u';
    private const char Assistant = 'a';
    private const string Created = "c";
    private const string Updated = "u";
    private const string UserField = "user";
    private const string NameField = "name";

    public async Task<Conversation> StartAsync(string tenantId, string agentId, ConversationStart start, CancellationToken cancellationToken = default)
    {
        var meta = keys.ConversationMeta(tenantId, agentId, start.SessionId);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var fields = new List<HashEntry> { new(Created, now), new(Updated, now) };
        if (start.UserId is { } user)
        {
            fields.Add(new HashEntry(UserField, user));
        }

        if (start.Name is { } name)
        {
            fields.Add(new HashEntry(NameField, name));
        }

        var batch = db.CreateTransaction();
        batch.AddCondition(Condition.KeyNotExists(meta));
        _ = batch.HashSetAsync(meta, [.. fields]);
        _ = batch.KeyExpireAsync(meta, retention);
        Index(batch, tenantId, agentId, start.SessionId, now);
        await batch.ExecuteAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        return (await GetAsync(tenantId, agentId, start.SessionId, cancellationToken).ConfigureAwait(false))!;
    }

    public async Task<Conversation?> GetAsync(string tenantId, string agentId, string sessionId, CancellationToken cancellationToken = default)
    {
        var batch = db.CreateBatch();
        var meta = batch.HashGetAllAsync(keys.ConversationMeta(tenantId, agentId, sessionId));
        var messages = batch.ListRangeAsync(keys.Conversation(tenantId, agentId, sessionId));
        batch.Execute();
        await Task.WhenAll(meta, messages).WaitAsync(cancellationToken).ConfigureAwait(false);
        return Read(agentId, sessionId, meta.Result, messages.Result);
    }

    public async Task<ConversationPage> ListAsync(string tenantId, string agentId, ConversationQuery query, CancellationToken cancellationToken = default)
    {
        if (query.SessionId is { } sessionId)
        {
            var one = await GetAsync(tenantId, agentId, sessionId, cancellationToken).ConfigureAwait(false);
            return one is not null && query.Matches(one) ? new ConversationPage([one], 1) : new ConversationPage([], 0);
        }

        var index = keys.Conversations(tenantId, agentId, query.OrderBy == ConversationOrder.CreatedAt);
        var order = query.Descending ? Order.Descending : Order.Ascending;
        var skip = (query.Page - 1) * query.PageSize;
        if (query.UserId is null)
        {
            var total = await db.SortedSetLengthAsync(index).WaitAsync(cancellationToken).ConfigureAwait(false);
            var ids = await db.SortedSetRangeByRankAsync(index, skip, skip + query.PageSize - 1, order).WaitAsync(cancellationToken).ConfigureAwait(false);
            var page = await ReadAllAsync(tenantId, agentId, ids, cancellationToken).ConfigureAwait(false);
            return new ConversationPage(page, (int)total - (ids.Length - page.Count));
        }

        var scanned = await db.SortedSetRangeByRankAsync(index, 0, ConversationQuery.MaxScanned - 1, order).WaitAsync(cancellationToken).ConfigureAwait(false);
        var batch = db.CreateBatch();
        var users = scanned.Select(id => batch.HashGetAsync(keys.ConversationMeta(tenantId, agentId, id!), UserField)).ToList();
        batch.Execute();
        await Task.WhenAll(users).WaitAsync(cancellationToken).ConfigureAwait(false);
        var theirs = scanned.Where((_, i) => users[i].Result == query.UserId).ToList();
        var conversations = await ReadAllAsync(tenantId, agentId, [.. theirs.Skip(skip).Take(query.PageSize)], cancellationToken).ConfigureAwait(false);
        return new ConversationPage(conversations, theirs.Count);
    }

    public async Task AppendAsync(string tenantId, string agentId, string sessionId, string question, string answer, CancellationToken cancellationToken = default)
    {
        var list = keys.Conversation(tenantId, agentId, sessionId);
        var meta = keys.ConversationMeta(tenantId, agentId, sessionId);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var batch = db.CreateTransaction();
        _ = batch.ListRightPushAsync(list, [User + question, Assistant + answer]);
        _ = maxMessages == 0 ? batch.ListTrimAsync(list, 1, 0) : batch.ListTrimAsync(list, -maxMessages, -1);
        _ = batch.KeyExpireAsync(list, retention);
        _ = batch.HashSetAsync(meta, Created, now, When.NotExists);
        _ = batch.HashSetAsync(meta, Updated, now);
        _ = batch.KeyExpireAsync(meta, retention);
        Index(batch, tenantId, agentId, sessionId, now);
        await batch.ExecuteAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> DeleteAsync(string tenantId, string agentId, string sessionId, CancellationToken cancellationToken = default)
    {
        var batch = db.CreateTransaction();
        var deleted = batch.KeyDeleteAsync([keys.Conversation(tenantId, agentId, sessionId), keys.ConversationMeta(tenantId, agentId, sessionId)]);
        _ = batch.SortedSetRemoveAsync(keys.Conversations(tenantId, agentId, byCreation: false), sessionId);
        _ = batch.SortedSetRemoveAsync(keys.Conversations(tenantId, agentId, byCreation: true), sessionId);
        await batch.ExecuteAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        return await deleted.ConfigureAwait(false) > 0;
    }

    /// <summary>Puts the session in the agent's sets: its update time always, its start time only when it is new.</summary>
    private void Index(ITransaction batch, string tenantId, string agentId, string sessionId, long now)
    {
        var byUpdate = keys.Conversations(tenantId, agentId, byCreation: false);
        var byStart = keys.Conversations(tenantId, agentId, byCreation: true);
        _ = batch.SortedSetAddAsync(byUpdate, sessionId, now);
        _ = batch.SortedSetAddAsync(byStart, sessionId, now, SortedSetWhen.NotExists);
        _ = batch.KeyExpireAsync(byUpdate, retention);
        _ = batch.KeyExpireAsync(byStart, retention);
    }

    /// <summary>The conversations of <paramref name="ids"/> in that order; an id whose keys expired is dropped from the sets.</summary>
    private async Task<IReadOnlyList<Conversation>> ReadAllAsync(string tenantId, string agentId, RedisValue[] ids, CancellationToken cancellationToken)
    {
        var read = await Task.WhenAll(ids.Select(id => GetAsync(tenantId, agentId, id!, cancellationToken))).ConfigureAwait(false);
        var gone = ids.Where((_, i) => read[i] is null).ToArray();
        if (gone.Length > 0)
        {
            var batch = db.CreateTransaction();
            _ = batch.SortedSetRemoveAsync(keys.Conversations(tenantId, agentId, byCreation: false), gone);
            _ = batch.SortedSetRemoveAsync(keys.Conversations(tenantId, agentId, byCreation: true), gone);
            await batch.ExecuteAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        return [.. read.OfType<Conversation>()];
    }

    private static Conversation? Read(string agentId, string sessionId, HashEntry[] meta, RedisValue[] messages)
    {
        if (meta.Length == 0 && messages.Length == 0)
        {
            return null;
        }

        var fields = meta.ToDictionary(e => e.Name.ToString(), e => e.Value);
        var created = Time(fields, Created);
        return new Conversation
        {
            SessionId = sessionId,
            AgentId = agentId,
            UserId = fields.TryGetValue(UserField, out var user) ? user.ToString() : null,
            Name = fields.TryGetValue(NameField, out var name) ? name.ToString() : null,
            CreatedAt = created,
            UpdatedAt = fields.ContainsKey(Updated) ? Time(fields, Updated) : created,
            Messages = [.. messages.Select(e => (string)e!).Where(e => e.Length > 0)
                .Select(e => new ConversationMessage(e[0] == User ? ChatRole.User : ChatRole.Assistant, e[1..]))],
        };
    }

    /// <summary>A time field; a conversation written before its hash existed has none and reads as the Unix epoch.</summary>
    private static DateTimeOffset Time(Dictionary<string, RedisValue> fields, string field) =>
        fields.TryGetValue(field, out var value) ? DateTimeOffset.FromUnixTimeMilliseconds((long)value) : DateTimeOffset.UnixEpoch;
}
