using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using AgentTrace.Domain.Model;
using AgentTrace.Domain.Serialization;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AgentTrace.Domain.Storage.Redis;

/// <summary>
/// Traces in Redis (see <see cref="RedisKeys"/> for the schema): a hash and an event stream per trace, sorted-set
/// indexes per tenant, and pub/sub so that watchers on any instance wake when a trace changes. Appends and
/// completions are Lua scripts, atomic per trace; every key of a trace expires after the retention period.
/// Nothing here uses <c>KEYS</c> or <c>SCAN</c>.
/// </summary>
public sealed class RedisTraceStore : ITraceStore
{
    private const int ReadBatch = 1000;

    /// <summary>How long a watcher waits for a wake-up before it reads again anyway (pub/sub may lose messages).</summary>
    private static readonly TimeSpan s_watchPoll = TimeSpan.FromSeconds(5);

    /// <summary>The first wait of a watcher before it reads again after Redis was unreachable.</summary>
    private static readonly TimeSpan s_firstRetry = TimeSpan.FromMilliseconds(100);

    private readonly IDatabase _db;
    private readonly RedisKeys _keys;
    private readonly RedisTraceIndex _index;
    private readonly SharedSubscriptions _subscriptions;
    private readonly TimeProvider _clock;
    private readonly long _retentionMs;
    private readonly int _maxEvents;

    public RedisTraceStore(IConnectionMultiplexer redis, IOptions<StorageOptions> options, TimeProvider clock)
    {
        _db = redis.GetDatabase();
        _keys = new RedisKeys(options.Value.RedisKeyPrefix);
        _index = new RedisTraceIndex(_db, _keys);
        _subscriptions = new SharedSubscriptions(redis.GetSubscriber());
        _clock = clock;
        _retentionMs = (long)TimeSpan.FromDays(options.Value.RetentionDays).TotalMilliseconds;
        _maxEvents = options.Value.MaxEventsPerTrace;
    }

    private long NowMs => _clock.GetUtcNow().ToUnixTimeMilliseconds();

    public async Task<bool> CreateAsync(TraceSession session, CancellationToken cancellationToken = default)
    {
        var stored = session with { LastSeq = 0, Summary = TraceSummary.Empty };
        var json = JsonSerializer.Serialize(stored, TraceJsonContext.Wire.TraceSession);
        var created = (int)await _db.ScriptEvaluateAsync(
            RedisScripts.Create,
            [_keys.Trace(session.TenantId, session.TaskId)],
            [json, session.Status.Name(), NowMs, _retentionMs]).ConfigureAwait(false) == 1;
        if (!created && !await IsUnindexedRetryAsync(session, json).ConfigureAwait(false))
        {
            return false;
        }

        await Task.WhenAll(
            _index.AddAsync(session, NowMs + _retentionMs),
            _db.PublishAsync(_keys.Feed(session.TenantId), session.TaskId)).ConfigureAwait(false);
        return true;
    }

    public async Task<AppendResult> AppendAsync(string tenantId, string taskId, IReadOnlyList<TraceEvent> events, CancellationToken cancellationToken = default)
    {
        List<RedisValue> args = [_maxEvents, NowMs, _keys.Watch(tenantId, taskId).ToString(), _keys.Feed(tenantId).ToString(), taskId];
        foreach (var e in events)
        {
            var increments = TraceHash.Increments(e).ToList();
            args.Add(e.Seq);
            args.Add(e.EventType.Name());
            args.Add(e.ComponentId ?? "");
            args.Add(JsonSerializer.Serialize(e, TraceJsonContext.Wire.TraceEvent));
            args.Add(increments.Count);
            foreach (var (field, value) in increments)
            {
                args.Add(field);
                args.Add(value);
            }
        }

        var reply = (RedisResult[])(await _db.ScriptEvaluateAsync(RedisScripts.Append, TraceKeys(tenantId, taskId), [.. args]).ConfigureAwait(false))!;
        var outcome = (string)reply[0]! switch
        {
            "appended" => AppendOutcome.Appended,
            "finished" => AppendOutcome.Finished,
            "gap" => AppendOutcome.Gap,
            _ => AppendOutcome.NotFound,
        };
        return outcome == AppendOutcome.NotFound
            ? AppendResult.NotFound
            : new AppendResult(outcome, (int)reply[1], (int)reply[2], (int)reply[3], (long)reply[4]);
    }

    public Task<CompleteResult> CompleteAsync(string tenantId, string taskId, TraceCompletion completion, CancellationToken cancellationToken = default) =>
        FinishAsync(tenantId, taskId, completion, idleSince: null);

    public async Task<int> InterruptIdleAsync(DateTimeOffset idleSince, TraceCompletion completion, CancellationToken cancellationToken = default)
    {
        var interrupted = 0;
        foreach (var tenant in await _index.TenantsAsync().ConfigureAwait(false))
        {
            for (long offset = 0; ; offset += RedisTraceIndex.Batch)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var running = await _index.RunningAsync(tenant, offset).ConfigureAwait(false);
                var results = await Task.WhenAll(running.Select(id => FinishAsync(tenant, (string)id!, completion, idleSince))).ConfigureAwait(false);
                var finished = results.Count(r => r.Outcome == CompleteOutcome.Completed);
                interrupted += finished;
                if (running.Length < RedisTraceIndex.Batch)
                {
                    break;
                }

                offset -= finished;
            }
        }

        return interrupted;
    }

    public async Task<bool> DeleteAsync(string tenantId, string taskId, CancellationToken cancellationToken = default)
    {
        var existed = await DeleteKeysAsync(tenantId, taskId).ConfigureAwait(false);
        if (existed)
        {
            await _index.RemoveAsync(tenantId, [taskId]).ConfigureAwait(false);
        }

        return existed;
    }

    public async Task<int> DeleteCreatedBeforeAsync(string tenantId, DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        var deleted = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var ids = await _index.CreatedBeforeAsync(tenantId, cutoff).ConfigureAwait(false);
            if (ids.Length == 0)
            {
                return deleted;
            }

            var existed = await Task.WhenAll(ids.Select(id => DeleteKeysAsync(tenantId, (string)id!))).ConfigureAwait(false);
            await _index.RemoveAsync(tenantId, ids).ConfigureAwait(false);
            deleted += existed.Count(e => e);
        }
    }

    /// <summary>Removes from the indexes the traces whose keys expired; returns how many.</summary>
    public async Task<int> SweepExpiredAsync(CancellationToken cancellationToken = default)
    {
        var swept = 0;
        foreach (var tenant in await _index.TenantsAsync().ConfigureAwait(false))
        {
            RedisValue[] ids;
            do
            {
                cancellationToken.ThrowIfCancellationRequested();
                ids = await _index.ExpiredAsync(tenant, NowMs).ConfigureAwait(false);
                if (ids.Length > 0)
                {
                    await _index.RemoveAsync(tenant, ids).ConfigureAwait(false);
                    swept += ids.Length;
                }
            }
            while (ids.Length == RedisTraceIndex.Batch);
        }

        return swept;
    }

    public async Task<TraceSession?> GetAsync(string tenantId, string taskId, CancellationToken cancellationToken = default) =>
        TraceHash.Read(await _db.HashGetAllAsync(_keys.Trace(tenantId, taskId)).WaitAsync(cancellationToken).ConfigureAwait(false));

    public async Task<EventPage?> GetEventsAsync(string tenantId, string taskId, EventQuery query, CancellationToken cancellationToken = default)
    {
        var lastSeq = _db.HashGetAsync(_keys.Trace(tenantId, taskId), TraceHash.LastSeq);
        var length = _db.StreamLengthAsync(_keys.Events(tenantId, taskId));
        if ((await lastSeq.WaitAsync(cancellationToken).ConfigureAwait(false)).IsNull)
        {
            return null;
        }

        // Stored seqs are 1..length without holes unless events were dropped at the cap: then an unfiltered page
        // is a range read, else the events after AfterSeq are scanned in batches.
        var stored = await length.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (query.EventTypes is null && query.ComponentId is null && (long)await lastSeq.ConfigureAwait(false) == stored)
        {
            var after = Math.Max(0, stored - query.AfterSeq);
            var page = query.Offset < after ? await ReadAfterAsync(tenantId, taskId, query.AfterSeq + query.Offset, query.Limit).WaitAsync(cancellationToken).ConfigureAwait(false) : [];
            return new EventPage([.. page.Select(Event)], after, query.Offset, query.Limit);
        }

        return await ScanAsync(tenantId, taskId, query, cancellationToken).ConfigureAwait(false);
    }

    public async Task<TracePage> ListAsync(string tenantId, TraceQuery query, CancellationToken cancellationToken = default)
    {
        var (total, ids) = await _index.ListAsync(tenantId, query).WaitAsync(cancellationToken).ConfigureAwait(false);
        var sessions = await Task.WhenAll(ids.Select(id => GetAsync(tenantId, (string)id!, cancellationToken))).ConfigureAwait(false);
        return new TracePage([.. sessions.OfType<TraceSession>()], total, query.Page, query.PageSize, IsFull: false);
    }

    public async IAsyncEnumerable<TraceEvent> WatchAsync(string tenantId, string taskId, long afterSeq, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var changed = new ChangeSignal();
        using var subscription = await _subscriptions.SubscribeAsync(_keys.Watch(tenantId, taskId), _ => changed.Set()).ConfigureAwait(false);
        var last = afterSeq;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var next = changed.Next;
            var (status, batch) = await ReadForWatchAsync(tenantId, taskId, last, cancellationToken).ConfigureAwait(false);
            if (status.IsNull)
            {
                yield break;
            }

            foreach (var entry in batch)
            {
                var e = Event(entry);
                last = e.Seq;
                yield return e;
            }

            if (batch.Length == ReadBatch)
            {
                continue;
            }

            if (status != TraceStatus.Running.Name())
            {
                yield break;
            }

            try
            {
                await next.WaitAsync(s_watchPoll, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // Read again: a wake-up may have been lost while Redis reconnected.
            }
        }
    }

    /// <remarks>
    /// Notices carry only the task id, and a waiting one is not queued again (<c>waiting</c>): the trace is read when
    /// its notice is taken, so however often a busy trace changes, a reader gets it once, as it is then.
    /// </remarks>
    public async IAsyncEnumerable<TraceSession> WatchTracesAsync(string tenantId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var waiting = new HashSet<string>(StringComparer.Ordinal);
        var notices = Channel.CreateBounded<string>(
            new BoundedChannelOptions(FeedChannel.Capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            dropped => waiting.Remove(dropped)); // called inside TryWrite, under the lock below
        using var subscription = await _subscriptions.SubscribeAsync(_keys.Feed(tenantId), message =>
        {
            var taskId = (string)message!;
            lock (waiting)
            {
                if (waiting.Add(taskId))
                {
                    notices.Writer.TryWrite(taskId);
                }
            }
        }).ConfigureAwait(false);
        await foreach (var taskId in notices.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            lock (waiting)
            {
                waiting.Remove(taskId);
            }

            if (await GetAsync(tenantId, taskId, cancellationToken).ConfigureAwait(false) is { } session)
            {
                yield return session;
            }
        }
    }

    /// <summary>
    /// True when an earlier create of this same session stored the trace but failed before indexing it (Redis went
    /// away in between) and is now tried again: then it is finished, not refused.
    /// </summary>
    private async Task<bool> IsUnindexedRetryAsync(TraceSession session, string json) =>
        await _db.HashGetAsync(_keys.Trace(session.TenantId, session.TaskId), TraceHash.Session).ConfigureAwait(false) == json
        && !await _index.ContainsAsync(session.TenantId, session.TaskId).ConfigureAwait(false);

    /// <summary>
    /// The trace's status (read first) and the events after <paramref name="afterSeq"/>. While Redis is unreachable it
    /// tries again, so a watcher outlives a Redis restart and continues after the last event it gave.
    /// </summary>
    private async Task<(RedisValue Status, StreamEntry[] Entries)> ReadForWatchAsync(string tenantId, string taskId, long afterSeq, CancellationToken cancellationToken)
    {
        var delay = s_firstRetry;
        while (true)
        {
            var status = _db.HashGetAsync(_keys.Trace(tenantId, taskId), TraceHash.Status);
            var entries = ReadAfterAsync(tenantId, taskId, afterSeq, ReadBatch);
            try
            {
                await Task.WhenAll(status, entries).WaitAsync(cancellationToken).ConfigureAwait(false);
                return (status.Result, entries.Result);
            }
            catch (Exception ex) when (ex is RedisConnectionException or RedisTimeoutException)
            {
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, s_watchPoll.Ticks));
            }
        }
    }

    private async Task<CompleteResult> FinishAsync(string tenantId, string taskId, TraceCompletion completion, DateTimeOffset? idleSince)
    {
        RedisValue[] args =
        [
            completion.Status.Name(),
            completion.CompletedAt.UtcTicks,
            completion.ElapsedSeconds is { } elapsed ? elapsed.ToString("R", CultureInfo.InvariantCulture) : "",
            completion.Error ?? "",
            completion.Outputs is { } outputs ? outputs.GetRawText() : "",
            _keys.Watch(tenantId, taskId).ToString(),
            _retentionMs,
            idleSince is { } since ? since.ToUnixTimeMilliseconds() : "",
        ];
        var reply = (RedisResult[])(await _db.ScriptEvaluateAsync(RedisScripts.Complete, TraceKeys(tenantId, taskId), args).ConfigureAwait(false))!;
        var session = TraceHash.Read(reply, 1);
        if (session is null)
        {
            return new CompleteResult(CompleteOutcome.NotFound, null);
        }

        if (session.IsFinished)
        {
            // Also repairs the indexes when an earlier completion stopped between the script and this step.
            await _index.SettleAsync(session, NowMs + _retentionMs).ConfigureAwait(false);
        }

        var completed = (string)reply[0]! == "completed";
        if (completed)
        {
            await _db.PublishAsync(_keys.Feed(tenantId), taskId).ConfigureAwait(false);
        }

        return new CompleteResult(completed ? CompleteOutcome.Completed : CompleteOutcome.AlreadyFinished, session);
    }

    private async Task<bool> DeleteKeysAsync(string tenantId, string taskId) =>
        (int)await _db.ScriptEvaluateAsync(RedisScripts.Delete, TraceKeys(tenantId, taskId), [_keys.Watch(tenantId, taskId).ToString()]).ConfigureAwait(false) == 1;

    private async Task<EventPage> ScanAsync(string tenantId, string taskId, EventQuery query, CancellationToken cancellationToken)
    {
        var page = new List<TraceEvent>(Math.Min(query.Limit, 256));
        long total = 0;
        var after = query.AfterSeq;
        StreamEntry[] batch;
        do
        {
            cancellationToken.ThrowIfCancellationRequested();
            batch = await ReadAfterAsync(tenantId, taskId, after, ReadBatch).WaitAsync(cancellationToken).ConfigureAwait(false);
            foreach (var entry in batch)
            {
                after = Seq(entry);
                if (!Matches(entry, query))
                {
                    continue;
                }

                if (total >= query.Offset && page.Count < query.Limit)
                {
                    page.Add(Event(entry));
                }

                total++;
            }
        }
        while (batch.Length == ReadBatch);

        return new EventPage(page, total, query.Offset, query.Limit);
    }

    private static bool Matches(StreamEntry entry, EventQuery query) =>
        (query.ComponentId is null || entry["c"] == query.ComponentId)
        && (query.EventTypes is null || (WireNames.TryParseEventType((string?)entry["t"], out var type) && query.EventTypes.Contains(type)));

    private Task<StreamEntry[]> ReadAfterAsync(string tenantId, string taskId, long afterSeq, int count) =>
        _db.StreamRangeAsync(_keys.Events(tenantId, taskId), $"({afterSeq}-0", "+", count);

    private static long Seq(StreamEntry entry)
    {
        var id = (string)entry.Id!;
        return long.Parse(id.AsSpan(0, id.IndexOf('-', StringComparison.Ordinal)), CultureInfo.InvariantCulture);
    }

    private static TraceEvent Event(StreamEntry entry) => JsonSerializer.Deserialize((string)entry["d"]!, TraceJsonContext.Wire.TraceEvent)!;

    private RedisKey[] TraceKeys(string tenantId, string taskId) => [_keys.Trace(tenantId, taskId), _keys.Events(tenantId, taskId)];
}
