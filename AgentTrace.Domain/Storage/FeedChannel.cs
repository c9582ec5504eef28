using System.Threading.Channels;

namespace AgentTrace.Domain.Storage;

/// <summary>The bounded queue between a store and one reader of a tenant's feed of traces.</summary>
public static class FeedChannel
{
    /// <summary>Notices held for a slow reader; beyond it the oldest are dropped.</summary>
    public const int Capacity = 256;

    public static Channel<T> Create<T>() => Channel.CreateBounded<T>(new BoundedChannelOptions(Capacity)
    {
        FullMode = BoundedChannelFullMode.DropOldest,
        SingleReader = true,
    });
}
