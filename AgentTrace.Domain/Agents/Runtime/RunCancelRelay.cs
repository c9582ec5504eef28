using AgentTrace.Domain.Storage;
using AgentTrace.Domain.Storage.Redis;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace AgentTrace.Domain.Agents.Runtime;

/// <summary>
/// Carries cancel requests between the servers that share one Redis: each server listens for them and cancels the
/// runs it has, answering the server that asked. With the embedded store there is one server, and nothing to relay.
/// </summary>
public sealed partial class RunCancelRelay(ITraceStore store, RunRegistry runs, ILogger<RunCancelRelay> logger) : IHostedService
{
    private const string Cancelled = "cancelled";
    private const string NotHere = "not-here";

    private RedisTraceStore? Redis => store as RedisTraceStore;

    /// <summary>How long to wait for the servers' answers (a server that went away never answers).</summary>
    internal TimeSpan AnswerWait { get; set; } = TimeSpan.FromSeconds(3);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Not awaited: the server starts while Redis is down, and the subscription is made once it is back.
        Redis?.Subscriber.Subscribe(Redis.Keys.CancelRequests, OnRequest, CommandFlags.FireAndForget);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Redis?.Subscriber.Unsubscribe(Redis.Keys.CancelRequests, OnRequest, CommandFlags.FireAndForget);
        return Task.CompletedTask;
    }

    /// <summary>Asks the other servers to cancel a run; true once the one running it has.</summary>
    public async Task<bool> CancelElsewhereAsync(string tenantId, string taskId, CancellationToken cancellationToken)
    {
        if (Redis is not { } redis)
        {
            return false;
        }

        var replyId = Guid.NewGuid().ToString("N");
        var reply = redis.Keys.CancelReply(replyId);
        var answers = new Answers();
        await redis.Subscriber.SubscribeAsync(reply, (_, answer) => answers.Add(answer == Cancelled)).ConfigureAwait(false);
        try
        {
            var listeners = await PublishAsync(redis, CancelRequest.Write(taskId, replyId, tenantId)).ConfigureAwait(false);
            return await answers.CancelledAsync(listeners).WaitAsync(AnswerWait, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return false;
        }
        finally
        {
            await redis.Subscriber.UnsubscribeAsync(reply).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Publishes a request; returns how many servers it reached. On a cluster <c>PUBLISH</c> counts one node's
    /// subscribers only, so they are counted on every node before and after publishing, and the larger count is taken:
    /// a server that subscribes or leaves meanwhile makes the asking wait rather than end early. When a node cannot
    /// be counted, only the first "cancelled" or the wait ends the asking.
    /// </summary>
    private static async Task<long> PublishAsync(RedisTraceStore redis, string request)
    {
        if (!redis.IsCluster)
        {
            return await redis.Subscriber.PublishAsync(redis.Keys.CancelRequests, request).ConfigureAwait(false);
        }

        var before = await ListenersAsync(redis).ConfigureAwait(false);
        await redis.Subscriber.PublishAsync(redis.Keys.CancelRequests, request).ConfigureAwait(false);
        var after = await ListenersAsync(redis).ConfigureAwait(false);
        return Math.Max(before, after);
    }

    /// <summary>The servers listening for requests, over all nodes; the most there can be when a node does not answer.</summary>
    private static async Task<long> ListenersAsync(RedisTraceStore redis)
    {
        try
        {
            return await redis.SubscribersAsync(redis.Keys.CancelRequests).ConfigureAwait(false);
        }
        catch (RedisException)
        {
            return long.MaxValue;
        }
    }

    private void OnRequest(RedisChannel channel, RedisValue message)
    {
        if (CancelRequest.Read(message) is not { } request)
        {
            return;
        }

        var run = runs.Find(request.TenantId, request.TaskId);
        if (run is not null)
        {
            run.Cancel();
            LogCancelledForAnotherServer(run.TaskId);
        }

        Redis!.Subscriber.Publish(Redis.Keys.CancelReply(request.ReplyId), run is null ? NotHere : Cancelled, CommandFlags.FireAndForget);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cancelled run {TaskId} at the request of another server")]
    private partial void LogCancelledForAnotherServer(string taskId);

    /// <summary>A request on the wire: task id, reply id and tenant on three lines (the tenant last, as the rest).</summary>
    private sealed record CancelRequest(string TaskId, string ReplyId, string TenantId)
    {
        public static string Write(string taskId, string replyId, string tenantId) => $"{taskId}\n{replyId}\n{tenantId}";

        public static CancelRequest? Read(RedisValue message) =>
            message.ToString().Split('\n', 3) is [var taskId, var replyId, var tenantId] ? new CancelRequest(taskId, replyId, tenantId) : null;
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
