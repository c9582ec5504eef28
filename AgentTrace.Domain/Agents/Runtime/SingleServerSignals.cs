namespace AgentTrace.Domain.Agents.Runtime;

/// <summary>The signals of a backend only one server uses: there is no other server to ask or to listen to.</summary>
public sealed class SingleServerSignals : IRunSignals
{
    public IDisposable SubscribeCancels(Func<string, string, bool> cancelHere) => NoSubscription.Instance;

    public Task<bool> CancelElsewhereAsync(string tenantId, string taskId, CancellationToken cancellationToken = default) => Task.FromResult(false);

    private sealed class NoSubscription : IDisposable
    {
        public static readonly NoSubscription Instance = new();

        public void Dispose()
        {
        }
    }
}
