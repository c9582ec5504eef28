using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using AgentTrace.Domain.Model;

namespace AgentTrace.Domain.Storage.InMemory;

/// <summary>The readers of each tenant's feed of created and finished traces, inside one process.</summary>
internal sealed class TenantFeeds
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ImmutableArray<ChannelWriter<TraceSession>>> _readers = new(StringComparer.Ordinal);

    public async IAsyncEnumerable<TraceSession> WatchAsync(string tenantId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = FeedChannel.Create<TraceSession>();
        Change(tenantId, readers => readers.Add(channel.Writer));
        try
        {
            await foreach (var session in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return session;
            }
        }
        finally
        {
            Change(tenantId, readers => readers.Remove(channel.Writer));
        }
    }

    public void Publish(TraceSession session)
    {
        ImmutableArray<ChannelWriter<TraceSession>> readers;
        lock (_gate)
        {
            if (!_readers.TryGetValue(session.TenantId, out readers))
            {
                return;
            }
        }

        foreach (var reader in readers)
        {
            reader.TryWrite(session);
        }
    }

    private void Change(string tenantId, Func<ImmutableArray<ChannelWriter<TraceSession>>, ImmutableArray<ChannelWriter<TraceSession>>> change)
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
