using AgentTrace.Domain.Model;

namespace AgentTrace.Tests.Support;

public static class Feeds
{
    /// <summary>
    /// Runs <paramref name="writes"/> again and again until the feed gives its first notice, since a feed is live only
    /// once its subscription is made; returns that notice.
    /// </summary>
    public static async Task<TraceSession> UntilLiveAsync(IAsyncEnumerator<TraceSession> feed, params Func<Task>[] writes)
    {
        var next = feed.MoveNextAsync().AsTask();
        for (var round = 0; !next.IsCompleted; round++)
        {
            Assert.True(round < 600, "the feed gave no notice in 30 s of writes");
            foreach (var write in writes)
            {
                await write();
            }

            await Task.WhenAny(next, Task.Delay(50, TestContext.Current.CancellationToken));
        }

        Assert.True(await next);
        return feed.Current;
    }
}
