using AgentTrace.Domain.Storage.Redis;
using StackExchange.Redis;

namespace AgentTrace.Domain.Agents.Runtime;

/// <summary>
/// Cancel requests between the servers that share one Redis, over pub/sub: a request goes to every server, and the
/// one running the run answers on a reply channel of the asker's.
/// </summary>
internal sealed class RedisRunSignals(IConnectionMultiplexer redis, RedisKeys keys) : IRunSignals
{
    private const string Cancelled = "cancelled";
    private const string NotHere = "not-here";

    private ISubscriber Subscriber => redis.GetSubscriber();

    /// <summary>How long to wait for the servers' answers (a server that went away never answers).</summary>
    internal TimeSpan AnswerWait { get; set; } = TimeSpan.FromSeconds(3);

    public IDisposable SubscribeCancels(Func<string, string, bool> cancelHere)
    {
        void OnRequest(RedisChannel channel, RedisValue message)
        {
            if (CancelRequest.Read(message) is { } request)
            {
                var answer = cancelHere(request.TenantId, request.TaskId) ? Cancelled : NotHere;
                Subscriber.Publish(keys.CancelReply(request.ReplyId), answer, CommandFlags.FireAndForget);
            }
        }

        // Not awaited: the server starts while Redis is down, and the subscription is made once it is back.
        Subscriber.Subscribe(keys.CancelRequests, OnRequest, CommandFlags.FireAndForget);
        return new Subscription(() => Subscriber.Unsubscribe(keys.CancelRequests, OnRequest, CommandFlags.FireAndForget));
    }

    public async Task<bool> CancelElsewhereAsync(string tenantId, string taskId, CancellationToken cancellationToken = default)
    {
        var replyId = Guid.NewGuid().ToString("N");
        var reply = keys.CancelReply(replyId);
        var answers = new Answers();
        await Subscriber.SubscribeAsync(reply, (_, answer) => answers.Add(answer == Cancelled)).WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var listeners = await PublishAsync(CancelRequest.Write(taskId, replyId, tenantId)).WaitAsync(cancellationToken).ConfigureAwait(false);
            return await answers.CancelledAsync(listeners).WaitAsync(AnswerWait, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return false;
        }
        finally
        {
            await Subscriber.UnsubscribeAsync(reply).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Publishes a request; returns how many servers it reached. On a cluster <c>PUBLISH</c> counts one node's
    /// subscribers only, so they are counted on every node before and after publishing, and the larger count is taken:
    /// a server that subscribes or leaves meanwhile makes the asking wait rather than end early. When a node cannot
    /// be counted, only the first "cancelled" or the wait ends the asking.
    /// </summary>
    private async Task<long> PublishAsync(string request)
    {
        if (!redis.GetServers().Any(s => s.ServerType == ServerType.Cluster))
        {
            return await Subscriber.PublishAsync(keys.CancelRequests, request).ConfigureAwait(false);
        }

        var before = await ListenersAsync().ConfigureAwait(false);
        await Subscriber.PublishAsync(keys.CancelRequests, request).ConfigureAwait(false);
        var after = await ListenersAsync().ConfigureAwait(false);
        return Math.Max(before, after);
    }

    /// <summary>
    /// The servers listening for requests, summed over every node (each node counts only its own subscribers); the
    /// most there can be when a node does not answer.
    /// </summary>
    private async Task<long> ListenersAsync()
    {
        try
        {
            var counts = await Task.WhenAll(redis.GetServers().Select(s => s.SubscriptionSubscriberCountAsync(keys.CancelRequests))).ConfigureAwait(false);
            return counts.Sum();
        }
        catch (RedisException)
        {
            return long.MaxValue;
        }
    }

    /// <summary>A request on the wire: task id, reply id and tenant on three lines (the tenant last, as the rest).</summary>
    private sealed record CancelRequest(string TaskId, string ReplyId, string TenantId)
    {
        public static string Write(string taskId, string replyId, string tenantId) => $"{taskId}\n{replyId}\n{tenantId}";

        public static CancelRequest? Read(RedisValue message) =>
            message.ToString().Split('\n', 3) is [var taskId, var replyId, var tenantId] ? new CancelRequest(taskId, replyId, tenantId) : null;
    }

    private sealed class Subscription(Action end) : IDisposable
    {
        private int _ended;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 0)
            {
                end();
            }
        }
    }

    /// <summary>The servers' answers to one request: done at the first "cancelled", or when every listener said no.</summary>
    private sealed class Answers
    {
        private readonly TaskCompletionSource<bool> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private long _expected = long.MaxValue;
        private long _noes;

        public void Add(bool cancelled)
        {
            if (cancelled)
            {
                _done.TrySetResult(true);
            }
            else if (Interlocked.Increment(ref _noes) >= Interlocked.Read(ref _expected))
            {
                _done.TrySetResult(false);
            }
        }

        /// <summary>Waits for the answers of <paramref name="listeners"/> servers, the number Redis delivered the request to.</summary>
        public Task<bool> CancelledAsync(long listeners)
        {
            Interlocked.Exchange(ref _expected, listeners);
            if (Interlocked.Read(ref _noes) >= listeners)
            {
                _done.TrySetResult(false);
            }

            return _done.Task;
        }
    }
}
