using System.Collections.Concurrent;
using AgentTrace.Web.Configuration;
using Microsoft.Extensions.Options;

namespace AgentTrace.Web.Api.Sse;

/// <summary>Counts open streams per API key and refuses one beyond <see cref="LimitsOptions.MaxStreamsPerKey"/>.</summary>
public sealed class StreamSlots(IOptions<LimitsOptions> options)
{
    private readonly ConcurrentDictionary<string, int> _open = new(StringComparer.Ordinal);

    public int Limit => options.Value.MaxStreamsPerKey;

    /// <summary>A slot released on dispose, or null when the key has all its streams open.</summary>
    public IDisposable? TryAcquire(string key)
    {
        while (true)
        {
            var current = _open.GetOrAdd(key, 0);
            if (current >= Limit)
            {
                return null;
            }

            if (_open.TryUpdate(key, current + 1, current))
            {
                return new Slot(this, key);
            }
        }
    }

    private void Release(string key) => _open.AddOrUpdate(key, 0, (_, count) => Math.Max(0, count - 1));

    private sealed class Slot(StreamSlots owner, string key) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                owner.Release(key);
            }
        }
    }
}
