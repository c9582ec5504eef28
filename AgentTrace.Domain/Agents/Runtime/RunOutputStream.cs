using System.Runtime.CompilerServices;
using AgentTrace.Domain.Model;
using AgentTrace.Domain.Storage;

namespace AgentTrace.Domain.Agents.Runtime;

/// <summary>
/// Merges a run's stored trace events (watched from the store, as every reader does) with its answer, in the
/// order they happened: a piece of the answer comes after the event it follows and before any later event.
/// </summary>
public static class RunOutputStream
{
    public static async IAsyncEnumerable<RunOutput> ReadAsync(AgentRun run, ITraceReader traces, bool withEvents, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var answer = run.Answer;
        var source = withEvents ? traces.WatchAsync(run.TenantId, run.TaskId, 0, cancellationToken) : AsyncEnumerable.Empty<TraceEvent>();
        var events = source.GetAsyncEnumerator(cancellationToken);
        await using var disposeEvents = events.ConfigureAwait(false);
        var lastSeq = 0L;
        var answerDone = false;
        TraceEvent? held = null;
        Task<bool>? nextEvent = null;
        Task<bool>? nextChunk = null;
        while (true)
        {
            while (true)
            {
                var hasChunk = answer.TryPeek(out var chunk);
                if (held is not null && (!hasChunk || chunk!.AfterSeq >= held.Seq))
                {
                    yield return new RunOutput(held, null);
                    lastSeq = held.Seq;
                    held = null;
                }
                else if (hasChunk && (chunk!.AfterSeq <= lastSeq || chunk.AfterSeq < held?.Seq) && answer.TryRead(out _))
                {
                    yield return new RunOutput(null, chunk);
                }
                else
                {
                    break;
                }
            }

            var eventsDone = lastSeq == long.MaxValue;
            if (eventsDone && answerDone && held is null)
            {
                yield break;
            }

            if (held is null && !eventsDone)
            {
                nextEvent ??= events.MoveNextAsync().AsTask();
            }

            if (!answerDone && !answer.TryPeek(out _))
            {
                nextChunk ??= answer.WaitToReadAsync(cancellationToken).AsTask();
            }

            await Task.WhenAny(new[] { nextEvent, nextChunk }.OfType<Task<bool>>()).ConfigureAwait(false);
            if (nextEvent is { IsCompleted: true })
            {
                if (await nextEvent.ConfigureAwait(false))
                {
                    held = events.Current;
                }
                else
                {
                    lastSeq = long.MaxValue;
                }

                nextEvent = null;
            }

            if (nextChunk is { IsCompleted: true })
            {
                answerDone = !await nextChunk.ConfigureAwait(false);
                nextChunk = null;
            }
        }
    }
}
