using AgentTrace.Domain.Agents.Catalog;
using AgentTrace.Domain.Agents.Conversations;
using AgentTrace.Domain.Agents.Runtime;
using AgentTrace.Domain.Storage;

namespace AgentTrace.Domain.Backends;

/// <summary>
/// Where a server keeps what it records and how it reaches the other servers sharing it: the one thing chosen
/// from <c>AgentTrace:Storage</c>, once (see <c>AddTraceStorage</c>). Everything that differs between backends is
/// reached through it; nothing else asks which backend is in use.
/// </summary>
public interface IStorageBackend
{
    ITraceStore Traces { get; }

    /// <summary>The agents the tenants added through the API.</summary>
    IAgentStore Agents { get; }

    /// <summary>The built-in agents' conversations, so a <c>session_id</c> continues.</summary>
    IConversationStore Conversations { get; }

    /// <summary>How a cancel reaches a run on another server sharing this backend.</summary>
    IRunSignals Signals { get; }

    /// <summary>Background jobs this backend needs besides the ones every backend has.</summary>
    IReadOnlyList<IStoreMaintenance> Maintenance { get; }

    /// <summary>Whether the backend can be used right now, and why not.</summary>
    Task<StoreHealth> CheckAsync(CancellationToken cancellationToken = default);
}
