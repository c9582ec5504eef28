using System.Collections.Concurrent;
using AgentTrace.Domain.Analysis;
using AgentTrace.Domain.Model;
using AgentTrace.Domain.Storage;
using AgentTrace.Web.Live;

namespace AgentTrace.Web.Model;

/// <summary>
/// A trace as a page shows it, kept up to date: loaded whole, then, while it runs, followed through the store's watch
/// stream (the one SSE serves). Arriving events are applied on the page's renderer at most every 100 ms, and open
/// spans are redrawn twice a second so they grow. When following fails, it is logged and <see cref="Failure"/> says
/// so on the page; what arrived before stays shown. Disposing cancels the watch and waits for it to end.
/// </summary>
public sealed class LiveTrace(ITraceReader store, TraceAnalyzer analyzer, TimeProvider clock, ILogger logger) : IAsyncDisposable
{
    private static readonly TimeSpan s_redrawInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan s_growInterval = TimeSpan.FromMilliseconds(500);

    private readonly CancellationTokenSource _life = new();
    private readonly ConcurrentQueue<TraceEvent> _arrived = new();
    private RenderThrottle? _throttle;
    private PollingLoop? _grow;
    private Task _watching = Task.CompletedTask;
    private TraceSession? _finished;
    private Func<Action, Task>? _invoke;
    private Action? _redraw;
    private string? _failure;
    private int _disposed;

    public TraceView? View { get; private set; }

    /// <summary>True when the trace was deleted while it was followed.</summary>
    public bool Deleted { get; private set; }

    /// <summary>Why the trace is no longer followed live, for the user; null while all is well.</summary>
    public string? Failure => Volatile.Read(ref _failure);

    /// <summary>Seconds since the first event while the trace runs; null once it has ended, was deleted or is no longer followed.</summary>
    public double? LiveSeconds => View is { Session.IsFinished: false } view && !Deleted && Failure is null ? (clock.GetUtcNow() - view.Origin).TotalSeconds : null;

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
            _throttle = new RenderThrottle($"trace {taskId}", s_redrawInterval, ApplyAsync, clock, logger, e => Fail("the live view of this trace stopped redrawing", e));
            _grow = new PollingLoop($"the open spans of trace {taskId}", s_growInterval, GrowAsync, clock, logger);
            _watching = WatchAsync(tenant, taskId, View.LastSeq, _life.Token);
        }

        return true;
    }

    /// <summary>Stops following the trace and waits until it has stopped; calling it again does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _life.Cancel();
        await _watching;
        if (_throttle is not null)
        {
            await _throttle.DisposeAsync();
        }

        if (_grow is not null)
        {
            await _grow.DisposeAsync();
        }

        _life.Dispose();
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

            var final = await store.GetAsync(tenant, taskId, cancellationToken);
            await _invoke!(() => Deleted = final is null);
            _finished = final;
            _throttle!.Request();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (ObjectDisposedException) when (cancellationToken.IsCancellationRequested)
        {
            // The page went away while the trace ended.
        }
        catch (Exception e)
        {
            logger.TraceWatchFailed(taskId, e);
            Fail("the live view of this trace stopped", e);
            _throttle!.Request();
        }
    }

    /// <summary>Says on the page why following stopped (the first reason only), and stops growing open spans.</summary>
    private void Fail(string what, Exception error)
    {
        Interlocked.CompareExchange(ref _failure, $"{Capitalized(what)}: {FailureText.Of(error)}. What arrived before is still shown; reload the page to follow it again.", null);
        _grow?.Stop();
    }

    private static string Capitalized(string text) => string.Concat(text[..1].ToUpperInvariant(), text[1..]);

    private Task GrowAsync(CancellationToken cancellationToken)
    {
        _throttle!.Request();
        return Task.CompletedTask;
    }

    /// <summary>
    /// On the renderer: takes the arrived events (and the final session), and redraws when something changed or spans
    /// are growing. A failure to apply them stops following (the page says so) rather than the page.
    /// </summary>
    private Task ApplyAsync() => _invoke!(() =>
    {
        var view = View!;
        try
        {
            while (_arrived.TryDequeue(out var e))
            {
                view.Add(e);
            }

            if (Interlocked.Exchange(ref _finished, null) is { } session)
            {
                view.Finish(session);
                _grow?.Stop();
            }

            if (Deleted)
            {
                _grow?.Stop();
            }

            if (!view.Refresh() && view.Session.IsFinished && Failure is null)
            {
                return;
            }
        }
        catch (Exception e)
        {
            logger.RedrawFailed($"trace {view.Session.TaskId}", e);
            Fail("the live view of this trace stopped", e);
            _life.Cancel();
        }

        _redraw!();
    });
}
