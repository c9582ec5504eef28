using AgentTrace.Domain.Model;

namespace AgentTrace.Domain.Storage.InMemory;

/// <summary>
/// The notices waiting for one reader of a feed, oldest first, at most one per trace: a later notice of a trace that
/// is still waiting replaces it in its place (unless it is older: a lower <c>last_seq</c>, or running after finished).
/// Beyond <see cref="FeedChannel.Capacity"/> waiting traces the oldest notice is dropped.
/// </summary>
internal sealed class FeedQueue
{
    private readonly Lock _gate = new();
    private readonly OrderedDictionary<string, TraceSession> _waiting = new(StringComparer.Ordinal);
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Offer(TraceSession session)
    {
        TaskCompletionSource arrived;
        lock (_gate)
        {
            if (_waiting.TryGetValue(session.TaskId, out var held))
            {
                if (!IsOlder(session, held))
                {
                    _waiting[session.TaskId] = session;
                }

                return;
            }

            if (_waiting.Count >= FeedChannel.Capacity)
            {
                _waiting.RemoveAt(0);
            }

            _waiting.Add(session.TaskId, session);
            arrived = _arrived;
        }

        arrived.TrySetResult();
    }

    public async Task<TraceSession> TakeAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task arrived;
            lock (_gate)
            {
                if (_waiting.Count > 0)
                {
                    var session = _waiting.GetAt(0).Value;
                    _waiting.RemoveAt(0);
                    return session;
                }

                if (_arrived.Task.IsCompleted)
                {
                    _arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }

                arrived = _arrived.Task;
            }

            await arrived.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool IsOlder(TraceSession notice, TraceSession held) =>
        notice.LastSeq < held.LastSeq || (held.IsFinished && !notice.IsFinished);
}
