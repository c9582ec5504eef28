namespace AgentTrace.Domain.Agents.Runtime;

/// <summary>How a cancel reaches an agent run on another server that shares the storage backend.</summary>
public interface IRunSignals
{
    /// <summary>
    /// Listens for other servers' cancel requests until disposed; <paramref name="cancelHere"/> gets the tenant and
    /// task id of each and says whether this server had the run and cancelled it.
    /// </summary>
    IDisposable SubscribeCancels(Func<string, string, bool> cancelHere);

    /// <summary>Asks the other servers to cancel a run; true once the one running it has.</summary>
    Task<bool> CancelElsewhereAsync(string tenantId, string taskId, CancellationToken cancellationToken = default);
}
