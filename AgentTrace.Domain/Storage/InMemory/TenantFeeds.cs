using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using AgentTrace.Domain.Model;

namespace AgentTrace.Domain.Storage.InMemory;

/// <summary>
/// The readers of each tenant's feed of traces (created, changed, finished), inside one process. Each reader keeps
/// the newest notice per trace until it takes it (see <see cref="FeedQueue"/>).
/// </summary>
internal sealed class TenantFeeds
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ImmutableArray<FeedQueue>> _readers = new(StringComparer.Ordinal);

    public async IAsyncEnumerable<TraceSession> WatchAsync(string tenantId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var queue = new FeedQueue();
        Change(tenantId, readers => readers.Add(queue));
        try
        {
            while (true)
            {
                yield return await queue.TakeAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            Change(tenantId, readers => readers.Remove(queue));
        }
    }

    public void Publish(TraceSession session)
    {
        ImmutableArray<FeedQueue> readers;
        lock (_gate)
        {
            if (!_readers.TryGetValue(session.TenantId, out readers))
            {
                return;
            }
        }

        foreach (var reader in readers)
        {
            reader.Offer(session);
        }
    }

    private void Change(string tenantId, Func<ImmutableArray<FeedQueue>, ImmutableArray<FeedQueue>> change)
    {
        lock (_gate)
        {
            var readers = change(_readers.GetValueOrDefault(tenantId, []));
            if (readers.IsEmpty)
            {
                _readers.Remove(tenantId);
            }
            else
            {
                _readers[tenantId] = readers;
            }
        }
    }
}
