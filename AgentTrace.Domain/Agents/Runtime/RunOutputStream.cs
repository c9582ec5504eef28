using System.Runtime.CompilerServices;
using AgentTrace.Domain.Model;
using AgentTrace.Domain.Storage;

namespace AgentTrace.Domain.Agents.Runtime;

/// <summary>
/// Merges a run's stored trace events (watched from the store, as every reader does) with its answer, in the
/// order they happened: a piece of the answer comes after the event it follows, and before every event read
/// after it was written (a piece is written before any later step is recorded).
/// </summary>
public static class RunOutputStream
{
    public static async IAsyncEnumerable<RunOutput> ReadAsync(AgentRun run, ITraceReader traces, bool withEvents, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var answer = run.Answer;
        var source = withEvents ? traces.WatchAsync(run.TenantId, run.TaskId, 0, cancellationToken) : AsyncEnumerable.Empty<TraceEvent>();
        var events = source.GetAsyncEnumerator(cancellationToken);
        await using var disposeEvents = events.ConfigureAwait(false);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var eventsDone = false;
        var answerDone = false;
        TraceEvent? held = null;
        Task<bool>? nextEvent = null;
        Task<bool>? nextChunk = null;
        while (true)
        {
            while (true)
            {
                if (answer.TryPeek(out var chunk) && (eventsDone || seen.Contains(chunk.AfterEventId)) && answer.TryRead(out _))
                {
                    yield return new RunOutput(null, chunk);
                }
                else if (held is not null)
                {
                    yield return new RunOutput(held, null);
                    seen.Add(held.EventId);
                    held = null;
                }
                else
                {
                    break;
                }
            }

            if (eventsDone && answerDone)
            {
                yield break;
            }

            if (!eventsDone)
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
                eventsDone = !await nextEvent.ConfigureAwait(false);
                held = eventsDone ? null : events.Current;
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
