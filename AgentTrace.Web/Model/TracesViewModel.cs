using AgentTrace.Domain.Model;
using AgentTrace.Domain.Storage;

namespace AgentTrace.Web.Model;

/// <summary>
/// The page of traces the Traces page shows (filters, newest-first order, paging) and how many match, kept current
/// from the tenant's feed instead of re-reading the list: each notice updates a listed row in place, inserts a new
/// matching trace at its place (the page keeps its size, the total counts it), and takes out a row that no longer
/// matches (the next row moves up, read alone). The store is read whole only when the filters or the page change, or
/// when <see cref="ClearData"/> says the feed missed something (it restarted). Not thread-safe: the page calls it on
/// its renderer.
/// </summary>
/// <remarks>
/// A time range counts back from the last full read, so a trace does not leave the page by growing old while it is
/// open. Deleted traces are not announced by the feed and stay until the next full read. On a later page, a trace
/// that belongs to an earlier one is counted but the rows are not shifted, so what the user looks at holds still.
/// </remarks>
public sealed class TracesViewModel(ITraceReader store, string tenantId, TimeProvider clock)
{
    public const int DefaultPageSize = 25;

    /// <summary>Rows that left and are filled by reading each alone; beyond this the page is read again whole.</summary>
    public const int MaxRowsFilled = 5;

    /// <summary>Traces off the page whose matching is remembered between notices; beyond this the page is read again.</summary>
    public const int MaxRemembered = 10_000;

    /// <summary>What the page knows of traces off the page: their newest state seen, and whether the total counts them.</summary>
    private readonly Dictionary<string, Seen> _seen = new(StringComparer.Ordinal);
    private List<TraceSession>? _rows;
    private TraceQuery _query = new();
    private DateTimeOffset _readAt;
    private long _total;
    private long _generation;
    private TraceFilter _filter = new();
    private int _startIndex;
    private int _count = DefaultPageSize;

    public TraceFilter Filter
    {
        get => _filter;
        set
        {
            if (_filter != value)
            {
                _filter = value;
                ClearData();
            }
        }
    }

    /// <summary>The index of the page's first row among all matching traces (a multiple of <see cref="Count"/>).</summary>
    public int StartIndex
    {
        get => _startIndex;
        set
        {
            if (_startIndex != value)
            {
                _startIndex = value;
                ClearData();
            }
        }
    }

    /// <summary>Rows per page.</summary>
    public int Count
    {
        get => _count;
        set
        {
            if (_count != value)
            {
                _count = value;
                ClearData();
            }
        }
    }

    /// <summary>The rows shown, newest first; empty until read.</summary>
    public IReadOnlyList<TraceSession> Rows => _rows ?? [];

    /// <summary>How many traces match the filters.</summary>
    public long Total => _total;

    /// <summary>False until the page is read, and after <see cref="ClearData"/>.</summary>
    public bool HasData => _rows is not null;

    /// <summary>Whether a shown trace is running (its duration grows).</summary>
    public bool ShowsRunning => Rows.Any(r => !r.IsFinished);

    /// <summary>Forgets the page, so that the next <see cref="GetTracesAsync"/> reads it again.</summary>
    public void ClearData()
    {
        _rows = null;
        _seen.Clear();
        _generation++;
    }

    /// <summary>The page and the total, read from the store when not known.</summary>
    public async Task<(IReadOnlyList<TraceSession> Rows, long Total)> GetTracesAsync(CancellationToken cancellationToken)
    {
        while (_rows is null)
        {
            var generation = _generation;
            var now = clock.GetUtcNow();
            var query = _filter.ToQuery(_startIndex / _count, _count, now);
            var page = await store.ListAsync(tenantId, query, cancellationToken);
            if (generation == _generation)
            {
                (_rows, _total, _query, _readAt) = ([.. page.Sessions], page.Total, query, now);
            }
        }

        return (_rows, _total);
    }

    /// <summary>
    /// Applies notices of the feed, in order; true when what the page shows (rows or total) changed. Reads only to
    /// fill rows that left the page.
    /// </summary>
    public async Task<bool> ApplyAsync(IEnumerable<TraceSession> notices, CancellationToken cancellationToken)
    {
        if (_rows is null)
        {
            return false;
        }

        var changed = false;
        foreach (var notice in notices)
        {
            changed |= Apply(_rows, notice);
        }

        if (_seen.Count > MaxRemembered)
        {
            ClearData();
            return true;
        }

        return await FillAsync(cancellationToken) || changed;
    }

    private bool Apply(List<TraceSession> rows, TraceSession notice)
    {
        var matches = _query.Matches(notice);
        var index = rows.FindIndex(r => string.Equals(r.TaskId, notice.TaskId, StringComparison.Ordinal));
        if (index >= 0)
        {
            var row = rows[index];
            if (IsOlder(notice, row.LastSeq, row.IsFinished) || (notice.LastSeq == row.LastSeq && notice.Status == row.Status))
            {
                return false;
            }

            if (matches)
            {
                rows[index] = notice;
                return true;
            }

            rows.RemoveAt(index);
            _total = Math.Max(0, _total - 1);
            _seen[notice.TaskId] = new Seen(notice.LastSeq, notice.IsFinished, Counted: false);
            return true;
        }

        if (_seen.TryGetValue(notice.TaskId, out var seen) && IsOlder(notice, seen.LastSeq, seen.Finished))
        {
            return false;
        }

        var position = PositionOf(rows, notice);
        var counted = seen?.Counted ?? WasCounted(rows, notice, position);
        _seen[notice.TaskId] = new Seen(notice.LastSeq, notice.IsFinished, matches);
        if (!matches)
        {
            if (counted)
            {
                _total = Math.Max(0, _total - 1);
            }

            return counted;
        }

        var shows = Shows(rows, position);
        if (!counted)
        {
            _total++;
        }

        if (!shows)
        {
            return !counted;
        }

        rows.Insert(position, notice);
        _seen.Remove(notice.TaskId);
        if (rows.Count > _count)
        {
            var pushed = rows[^1];
            rows.RemoveAt(rows.Count - 1);
            _seen[pushed.TaskId] = new Seen(pushed.LastSeq, pushed.IsFinished, Counted: true);
        }

        return true;
    }

    /// <summary>
    /// Whether the total counted a trace that is not on the page, before this notice of it: not when it would be on
    /// the page had it matched at the read, nor when it was created since; else as it was at the read (running then
    /// if it finished since).
    /// </summary>
    private bool WasCounted(List<TraceSession> rows, TraceSession notice, int position)
    {
        if (Shows(rows, position) || notice.CreatedAt >= _readAt)
        {
            return false;
        }

        var then = notice.IsFinished && notice.CompletedAt >= _readAt ? notice with { Status = TraceStatus.Running } : notice;
        return _query.Matches(then);
    }

    /// <summary>
    /// Whether a matching trace at <paramref name="position"/> among the rows belongs on this page: between two rows
    /// (or first, on the first page), or after the last on a last page that is not full.
    /// </summary>
    private bool Shows(List<TraceSession> rows, int position)
    {
        if (position < rows.Count)
        {
            return position > 0 || _startIndex == 0;
        }

        return rows.Count < _count && _startIndex + rows.Count >= _total;
    }

    /// <summary>Fills rows that left the page with those that follow it, each read alone; true when any moved up.</summary>
    private async Task<bool> FillAsync(CancellationToken cancellationToken)
    {
        var missing = (int)Math.Min(_count - _rows!.Count, _total - _startIndex - _rows.Count);
        if (missing <= 0)
        {
            return false;
        }

        if (missing > MaxRowsFilled)
        {
            ClearData();
            return true;
        }

        var generation = _generation;
        var filled = false;
        for (var i = 0; i < missing; i++)
        {
            var at = _startIndex + _rows.Count;
            var next = await store.ListAsync(tenantId, _query with { Page = at + 1, PageSize = 1 }, cancellationToken);
            if (generation != _generation || next.Sessions is not [var row] || _rows.Exists(r => string.Equals(r.TaskId, row.TaskId, StringComparison.Ordinal)))
            {
                break;
            }

            _rows.Add(row);
            _seen.Remove(row.TaskId);
            filled = true;
        }

        return filled;
    }

    /// <summary>Where a trace goes among the rows, newest first; before rows created at the same instant.</summary>
    private static int PositionOf(List<TraceSession> rows, TraceSession notice)
    {
        var index = rows.FindIndex(r => r.CreatedAt <= notice.CreatedAt);
        return index < 0 ? rows.Count : index;
    }

    /// <summary>A notice that came after a newer one of the same trace (its writers raced).</summary>
    private static bool IsOlder(TraceSession notice, long lastSeq, bool finished) =>
        notice.LastSeq < lastSeq || (finished && !notice.IsFinished);

    private sealed record Seen(long LastSeq, bool Finished, bool Counted);
}
