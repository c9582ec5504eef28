using StackExchange.Redis;

namespace AgentTrace.Domain.Storage.Redis;

/// <summary>
/// The key schema. Keys of one trace share the hash tag <c>{task_id}</c> and keys of one tenant's indexes share
/// <c>{tenant}</c>, so each script and transaction touches one Redis Cluster slot. Every key names its tenant:
/// another tenant's task id is simply not there.
/// <code>
/// P:trace:TENANT:{TASK}          hash: session JSON, status, last_seq, updated_at, summary counters, completion
/// P:trace:TENANT:{TASK}:events   stream: entry id SEQ-0, fields t (event type), c (component id), d (event JSON)
/// P:idx:{TENANT}:all             sorted set of task ids by created_at (unix microseconds)
/// P:idx:{TENANT}:agent:AGENT     the same, one agent
/// P:idx:{TENANT}:user:USER       the same, one user
/// P:idx:{TENANT}:status:STATUS   the same, one status (a trace moves on completion)
/// P:idx:{TENANT}:expiry          sorted set of task ids by the time their keys expire (unix ms)
/// P:idx:{TENANT}:owners          hash: task id → agent and user, to clean indexes after keys expired
/// P:idx:{TENANT}:scratch         intersection of filters, created and deleted inside one script
/// P:tenants                      set of tenants, for background sweeps
/// P:watch:TENANT:TASK            channel: a trace changed (appended, finished, deleted)
/// P:feed:TENANT                  channel: task id of a trace created or finished
/// P:agents:{TENANT}              hash: agent id → definition JSON, the tenant's own agents
/// P:conv:{TENANT}:AGENT:SESSION  list: a conversation's last messages, role letter then text
/// P:convmeta:{TENANT}:AGENT:SESSION hash: c (created, unix ms), u (updated, unix ms), user, name
/// P:convs:{TENANT}:AGENT:updated sorted set of an agent's session ids by update time (unix ms)
/// P:convs:{TENANT}:AGENT:created the same, by start time
/// P:run-cancel                   channel: a server asks the one running an agent run to cancel it
/// P:run-cancel:REPLY             channel: the answer of the server that cancelled it
/// </code>
/// </summary>
internal sealed class RedisKeys(string prefix)
{
    public string Prefix { get; } = prefix;

    public RedisKey Trace(string tenantId, string taskId) => $"{Prefix}:trace:{tenantId}:{{{taskId}}}";

    public RedisKey Events(string tenantId, string taskId) => $"{Prefix}:trace:{tenantId}:{{{taskId}}}:events";

    public RedisKey All(string tenantId) => Index(tenantId, "all");

    public RedisKey Agent(string tenantId, string agentId) => Index(tenantId, "agent:" + agentId);

    public RedisKey User(string tenantId, string userId) => Index(tenantId, "user:" + userId);

    public RedisKey Status(string tenantId, string status) => Index(tenantId, "status:" + status);

    public RedisKey Expiry(string tenantId) => Index(tenantId, "expiry");

    public RedisKey Owners(string tenantId) => Index(tenantId, "owners");

    public RedisKey Scratch(string tenantId) => Index(tenantId, "scratch");

    public RedisKey Tenants => $"{Prefix}:tenants";

    public RedisChannel Watch(string tenantId, string taskId) => RedisChannel.Literal($"{Prefix}:watch:{tenantId}:{taskId}");

    public RedisChannel Feed(string tenantId) => RedisChannel.Literal($"{Prefix}:feed:{tenantId}");

    public RedisKey Agents(string tenantId) => $"{Prefix}:agents:{{{tenantId}}}";

    public RedisKey Conversation(string tenantId, string agentId, string sessionId) => $"{Prefix}:conv:{{{tenantId}}}:{agentId}:{sessionId}";

    public RedisKey ConversationMeta(string tenantId, string agentId, string sessionId) => $"{Prefix}:convmeta:{{{tenantId}}}:{agentId}:{sessionId}";

    public RedisKey Conversations(string tenantId, string agentId, bool byCreation) =>
        $"{Prefix}:convs:{{{tenantId}}}:{agentId}:{(byCreation ? "created" : "updated")}";

    public RedisChannel CancelRequests => RedisChannel.Literal($"{Prefix}:run-cancel");

    public RedisChannel CancelReply(string replyId) => RedisChannel.Literal($"{Prefix}:run-cancel:{replyId}");

    private RedisKey Index(string tenantId, string name) => $"{Prefix}:idx:{{{tenantId}}}:{name}";
}
