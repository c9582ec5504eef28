using System.Collections.Concurrent;
using AgentTrace.Domain.Analysis;
using AgentTrace.Domain.Model;
using AgentTrace.Domain.Storage;

namespace AgentTrace.Web.Model;

/// <summary>
/// A trace as a page shows it, kept up to date: loaded whole, then, while it runs, followed through the store's watch
/// stream (the one SSE serves). Arriving events are applied on the page's renderer at most every 100 ms, and open
/// spans are redrawn twice a second so they grow. Disposing cancels the watch.
/// </summary>
public sealed class LiveTrace(ITraceReader store, TraceAnalyzer analyzer, TimeProvider clock) : IDisposable
{
    private static readonly TimeSpan s_redrawInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan s_growInterval = TimeSpan.FromMilliseconds(500);

    private readonly CancellationTokenSource _life = new();
    private readonly ConcurrentQueue<TraceEvent> _arrived = new();
    private RenderThrottle? _throttle;
    private PollingLoop? _grow;
    private TraceSession? _finished;
    private Func<Action, Task>? _invoke;
    private Action? _redraw;
    private int _disposed;

    public TraceView? View { get; private set; }

    /// <summary>Seconds since the first event while the trace runs; null once it has ended.</summary>
    public double? LiveSeconds => View is { Session.IsFinished: false } view ? (clock.GetUtcNow() - view.Origin).TotalSeconds : null;

    /// <summary>The run's duration: growing while it runs, then the analysed wall time.</summary>
    public double WallSeconds => View is null ? 0 : LiveSeconds ?? View.Analysis.WallTimeS;

    /// <summary>
    /// Loads the trace and, when it is running, starts following it; false when the tenant has no such trace.
    /// </summary>
    /// <param name="tenant">The tenant the trace must belong to.</param>
    /// <param name="taskId">The trace.</param>
    /// <param name="invoke">Runs an action on the page's renderer (the component's <c>InvokeAsync</c>).</param>
    /// <param name="redraw">Redraws the page (the component's <c>StateHasChanged</c>).</param>
    public async Task<bool> OpenAsync(string tenant, string taskId, Func<Action, Task> invoke, Action redraw)
    {
        var whole = TraceIds.IsTaskId(taskId) ? await store.ReadWholeAsync(tenant, taskId, _life.Token) : null;
        if (whole is not { } trace)
        {
            return false;
        }

        _invoke = invoke;
        _redraw = redraw;
        View = new TraceView(trace.Session, trace.Events, analyzer);
        if (!trace.Session.IsFinished)
        {
            _throttle = new RenderThrottle(s_redrawInterval, ApplyAsync, clock);
            _grow = new PollingLoop(s_growInterval, GrowAsync, clock);
            _ = WatchAsync(tenant, taskId, View.LastSeq, _life.Token);
        }

        return true;
    }

    /// <summary>Stops following the trace; calling it again does nothing.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _life.Cancel();
        _life.Dispose();
        _throttle?.Dispose();
        _grow?.Dispose();
    }

    private async Task WatchAsync(string tenant, string taskId, long afterSeq, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var e in store.WatchAsync(tenant, taskId, afterSeq, cancellationToken))
            {
                _arrived.Enqueue(e);
                _throttle!.Request();
            }

            _finished = await store.GetAsync(tenant, taskId, cancellationToken);
            _throttle!.Request();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private Task GrowAsync(CancellationToken cancellationToken)
    {
        _throttle!.Request();
        return Task.CompletedTask;
    }

    /// <summary>On the renderer: takes the arrived events (and the final session), and redraws when something changed or spans are growing.</summary>
    private Task ApplyAsync() => _invoke!(() =>
    {
        var view = View!;
        while (_arrived.TryDequeue(out var e))
        {
            view.Add(e);
        }

        if (Interlocked.Exchange(ref _finished, null) is { } session)
        {
            view.Finish(session);
            _grow?.Dispose();
        }

        if (view.Refresh() || !view.Session.IsFinished)
        {
            _redraw!();
        }
    });
}
