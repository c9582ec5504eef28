using System.Collections.Immutable;
using StackExchange.Redis;

namespace AgentTrace.Domain.Storage.Redis;

/// <summary>
/// Pub/sub channels shared inside the process: the first listener of a channel subscribes in Redis, the last one
/// to leave unsubscribes, and every message goes to each listener. A subscription is confirmed by Redis before
/// <see cref="SubscribeAsync"/> returns, so a reader that subscribes and then reads misses nothing.
/// </summary>
internal sealed class SharedSubscriptions(ISubscriber subscriber)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<RedisChannel, Shared> _channels = [];

    public async Task<IDisposable> SubscribeAsync(RedisChannel channel, Action<RedisValue> listener)
    {
        Shared shared;
        lock (_gate)
        {
            if (!_channels.TryGetValue(channel, out shared!))
            {
                shared = new Shared(channel);
                _channels.Add(channel, shared);
                shared.Confirmed = subscriber.SubscribeAsync(channel, shared.Deliver);
            }

            shared.Listeners = shared.Listeners.Add(listener);
        }

        var lease = new Lease(this, shared, listener);
        try
        {
            await shared.Confirmed.ConfigureAwait(false);
        }
        catch
        {
            lease.Dispose();
            throw;
        }

        return lease;
    }

    private void Leave(Shared shared, Action<RedisValue> listener)
    {
        lock (_gate)
        {
            shared.Listeners = shared.Listeners.Remove(listener);
            if (shared.Listeners.IsEmpty && _channels.Remove(shared.Channel))
            {
                subscriber.Unsubscribe(shared.Channel, shared.Deliver, CommandFlags.FireAndForget);
            }
        }
    }

    private sealed class Shared(RedisChannel channel)
    {
        public RedisChannel Channel { get; } = channel;

        public ImmutableArray<Action<RedisValue>> Listeners { get; set; } = [];

        public Task Confirmed { get; set; } = Task.CompletedTask;

        public void Deliver(RedisChannel from, RedisValue message)
        {
            foreach (var listener in Listeners)
            {
                listener(message);
            }
        }
    }

    private sealed class Lease(SharedSubscriptions owner, Shared shared, Action<RedisValue> listener) : IDisposable
    {
        private int _left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0)
            {
                owner.Leave(shared, listener);
            }
        }
    }
}
