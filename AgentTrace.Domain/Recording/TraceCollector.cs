using System.Threading.Channels;
using AgentTrace.Domain.Model;
using AgentTrace.Domain.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AgentTrace.Domain.Recording;

/// <summary>
/// The single reader of the bounded queue between producers and the store. It applies the level policy and
/// redaction, assigns gap-free <c>seq</c> numbers, batches appends per trace, and retries with backoff while
/// the store is unreachable, so no recorded event is lost. Only an outage is retried: an event that cannot be
/// prepared, or a batch the store refuses for what it holds, fails alone and is replaced in the trace by an
/// <c>error_occurred</c> event that says so, and the queue goes on.
/// </summary>
public sealed partial class TraceCollector : BackgroundService
{
    private static readonly TimeSpan s_firstRetry = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan s_lastRetry = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan s_drainOnStop = TimeSpan.FromSeconds(10);

    private readonly Channel<CollectorItem> _queue;
    private readonly ITraceStore _store;
    private readonly EventSanitizer _sanitizer;
    private readonly ILogger<TraceCollector> _logger;
    private readonly int _maxBatch;
    private readonly Dictionary<ActiveTrace, List<TraceEvent>> _pending = [];

    public TraceCollector(ITraceStore store, EventSanitizer sanitizer, IOptions<RecorderOptions> options, ILogger<TraceCollector> logger)
    {
        _store = store;
        _sanitizer = sanitizer;
        _logger = logger;
        _maxBatch = options.Value.MaxBatchSize;
        _queue = Channel.CreateBounded<CollectorItem>(new BoundedChannelOptions(options.Value.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    internal ValueTask EnqueueAsync(CollectorItem item, CancellationToken cancellationToken) =>
        _queue.Writer.TryWrite(item) ? ValueTask.CompletedTask : _queue.Writer.WriteAsync(item, cancellationToken);

    /// <summary>
    /// Stores a new trace on the caller's thread: nothing of it can be queued yet, so there is no order to keep, and
    /// the caller, who waits for it anyway, is spared two hand-overs to and from the collector's thread.
    /// </summary>
    internal async Task CreateAsync(TraceSession session, CancellationToken cancellationToken)
    {
        var clean = _sanitizer.Sanitize(session);
        if (!await PersistAsync(() => _store.CreateAsync(clean, cancellationToken), cancellationToken).ConfigureAwait(false))
        {
            LogAlreadyExists(session.TaskId);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                await DrainAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            using var deadline = new CancellationTokenSource(s_drainOnStop);
            await DrainOnStopAsync(deadline.Token).ConfigureAwait(false);
        }
    }

    private async Task DrainOnStopAsync(CancellationToken deadline)
    {
        try
        {
            while (_queue.Reader.Count > 0)
            {
                await DrainAsync(deadline).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            LogLostOnStop(_queue.Reader.Count + _pending.Values.Sum(p => p.Count));
        }
    }

    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        var taken = 0;
        while (taken < _maxBatch && _queue.Reader.TryRead(out var item))
        {
            taken++;
            if (item.Event is { } e)
            {
                if (item.Trace.Limits.Records(e.EventType))
                {
                    Pending(item.Trace).Add(Prepare(item.Trace, e));
                }

                continue;
            }

            await WritePendingAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await DoAsync(item.Trace, item.Work!, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogWorkFailed(ex, item.Trace.TaskId);
                item.Work!.Fail(ex);
            }
        }

        await WritePendingAsync(cancellationToken).ConfigureAwait(false);
    }

    private TraceEvent Prepare(ActiveTrace trace, TraceEvent e) => Prepare(trace, e, ++trace.LastSeq);

    private TraceEvent Prepare(ActiveTrace trace, TraceEvent e, long seq)
    {
        try
        {
            return _sanitizer.Sanitize(e, trace.Limits, seq, string.IsNullOrEmpty(e.EventId) ? TraceIds.NewSpanId() : e.EventId);
        }
        catch (Exception ex)
        {
            LogEventNotPrepared(ex, e.EventType, seq, trace.TaskId);
            return NotRecorded(seq, e.Timestamp, $"a {e.EventType.Name()} event could not be recorded: it could not be prepared for storage");
        }
    }

    /// <summary>The event that stands in the trace for events that could not be stored, so the trace says so.</summary>
    private static TraceEvent NotRecorded(long seq, DateTimeOffset timestamp, string error) => new()
    {
        Seq = seq,
        EventId = TraceIds.NewSpanId(),
        EventType = TraceEventType.ErrorOccurred,
        Timestamp = timestamp,
        Error = error + "; the server's log has the details",
    };

    private List<TraceEvent> Pending(ActiveTrace trace)
    {
        if (!_pending.TryGetValue(trace, out var list))
        {
            list = [];
            _pending.Add(trace, list);
        }

        return list;
    }

    private async Task WritePendingAsync(CancellationToken cancellationToken)
    {
        foreach (var (trace, events) in _pending)
        {
            await WriteAsync(trace, events, cancellationToken).ConfigureAwait(false);
        }

        _pending.Clear();
    }

    private async Task WriteAsync(ActiveTrace trace, List<TraceEvent> events, CancellationToken cancellationToken)
    {
        AppendResult result;
        try
        {
            result = await AppendAsync(trace, events, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogBatchRefused(ex, events.Count, trace.TaskId);
            await RecordLostBatchAsync(trace, events, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (result.Outcome is not AppendOutcome.Appended)
        {
            LogNotStored(events.Count, trace.TaskId, result.Outcome);
        }
    }

    private async Task<AppendResult> AppendAsync(ActiveTrace trace, List<TraceEvent> events, CancellationToken cancellationToken)
    {
        var result = await PersistAsync(() => _store.AppendAsync(trace.TenantId, trace.TaskId, events, cancellationToken), cancellationToken).ConfigureAwait(false);
        if (result.Outcome != AppendOutcome.Gap)
        {
            return result;
        }

        // Another writer appended to this trace: continue after its events.
        var first = result.LastSeq + 1;
        trace.LastSeq = result.LastSeq + events.Count;
        var renumbered = events.Select((e, i) => e with { Seq = first + i }).ToList();
        return await PersistAsync(() => _store.AppendAsync(trace.TenantId, trace.TaskId, renumbered, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The store refused a batch for what it holds: one <c>error_occurred</c> event takes the batch's first
    /// <c>seq</c> and says how many events were lost, so the trace shows it and its numbering stays gap-free.
    /// </summary>
    private async Task RecordLostBatchAsync(ActiveTrace trace, List<TraceEvent> events, CancellationToken cancellationToken)
    {
        var first = events[0].Seq;
        trace.LastSeq = first - 1;
        var stand = NotRecorded(first, events[^1].Timestamp, $"{events.Count} event(s) from seq {first} could not be stored");
        try
        {
            await AppendAsync(trace, [stand], cancellationToken).ConfigureAwait(false);
            trace.LastSeq = Math.Max(trace.LastSeq, first);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogBatchRefused(ex, 1, trace.TaskId);
        }
    }

    private async Task DoAsync(ActiveTrace trace, CollectorWork work, CancellationToken cancellationToken)
    {
        switch (work)
        {
            case FlushWork flush:
                flush.Done.TrySetResult();
                break;
            case IngestWork ingest:
                ingest.Done.TrySetResult(await IngestAsync(trace, ingest.Events, cancellationToken).ConfigureAwait(false));
                break;
            case CompleteWork complete:
                var completion = _sanitizer.Sanitize(complete.Completion, trace.Limits);
                complete.Done.TrySetResult(await PersistAsync(() => _store.CompleteAsync(trace.TenantId, trace.TaskId, completion, cancellationToken), cancellationToken).ConfigureAwait(false));
                break;
        }
    }

    private async Task<IngestResult> IngestAsync(ActiveTrace trace, IReadOnlyList<TraceEvent> events, CancellationToken cancellationToken)
    {
        var session = await PersistAsync(() => _store.GetAsync(trace.TenantId, trace.TaskId, cancellationToken), cancellationToken).ConfigureAwait(false);
        if (session is null)
        {
            return new IngestResult(IngestOutcome.NotFound, 0, 0, 0, $"trace {trace.TaskId} was not found");
        }

        // The level applies to every producer. An event the client numbered keeps its place: its seq is the
        // client's key for retries, and leaving it out would be a gap the next batch could not continue.
        var plan = IngestPlan.Make([.. events.Where(e => e.Seq != 0 || trace.Limits.Records(e.EventType))], session.LastSeq);
        if (plan.Refusal is not null)
        {
            return plan.Refusal;
        }

        if (plan.Fresh.Count > 0 && session.IsFinished)
        {
            return new IngestResult(IngestOutcome.Finished, 0, plan.Duplicates, session.LastSeq, $"trace {trace.TaskId} is {session.Status.Name()} and takes no more events");
        }

        if (plan.Fresh.Count == 0)
        {
            return new IngestResult(IngestOutcome.Accepted, 0, plan.Duplicates, session.LastSeq);
        }

        var prepared = plan.Fresh.Select(e => Prepare(trace, e, e.Seq)).ToList();
        var result = await PersistAsync(() => _store.AppendAsync(trace.TenantId, trace.TaskId, prepared, cancellationToken), cancellationToken).ConfigureAwait(false);
        trace.LastSeq = Math.Max(trace.LastSeq, result.LastSeq);
        return result.Outcome switch
        {
            AppendOutcome.Appended => new IngestResult(IngestOutcome.Accepted, result.Appended + result.Dropped, plan.Duplicates + result.Duplicates, result.LastSeq),
            AppendOutcome.Finished => new IngestResult(IngestOutcome.Finished, 0, plan.Duplicates, result.LastSeq, $"trace {trace.TaskId} is finished and takes no more events"),
            AppendOutcome.NotFound => new IngestResult(IngestOutcome.NotFound, 0, 0, 0, $"trace {trace.TaskId} was not found"),
            _ => new IngestResult(IngestOutcome.Gap, 0, plan.Duplicates, result.LastSeq, $"another writer appended to trace {trace.TaskId} meanwhile; the next seq is {result.LastSeq + 1}"),
        };
    }

    /// <summary>
    /// Runs a store call until it succeeds, waiting longer after each outage. Any other failure is not retried: it
    /// goes to the caller, so that one bad call never holds up the queue.
    /// </summary>
    private async Task<T> PersistAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        var delay = s_firstRetry;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call().ConfigureAwait(false);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && (StoreFailure.IsOutage(ex) || ex is OperationCanceledException))
            {
                LogStoreFailed(ex, attempt, delay.TotalMilliseconds, _queue.Reader.Count);
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, s_lastRetry.Ticks));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trace store call failed (attempt {Attempt}); retrying in {DelayMs} ms with {Backlog} items queued")]
    private partial void LogStoreFailed(Exception exception, int attempt, double delayMs, int backlog);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} events of trace {TaskId} were not stored: {Outcome}")]
    private partial void LogNotStored(int count, string taskId, AppendOutcome outcome);

    [LoggerMessage(Level = LogLevel.Error, Message = "A {EventType} event (seq {Seq}) of trace {TaskId} could not be prepared for storage; an error event stands in its place")]
    private partial void LogEventNotPrepared(Exception exception, TraceEventType eventType, long seq, string taskId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The store refused {Count} events of trace {TaskId}; they are not stored and an error event says so")]
    private partial void LogBatchRefused(Exception exception, int count, string taskId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Trace {TaskId} already exists; it was not created again")]
    private partial void LogAlreadyExists(string taskId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Recording work for trace {TaskId} failed")]
    private partial void LogWorkFailed(Exception exception, string taskId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Stopped with {Count} recorded items not stored: the store stayed unreachable")]
    private partial void LogLostOnStop(int count);
}
