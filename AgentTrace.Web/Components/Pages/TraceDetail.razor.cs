using System.Collections.Concurrent;
using AgentTrace.Domain.Analysis;
using AgentTrace.Domain.Model;
using AgentTrace.Domain.Storage;
using AgentTrace.Web.Model;
using Microsoft.AspNetCore.Components;

namespace AgentTrace.Web.Components.Pages;

/// <summary>
/// One trace: header, timeline, events, analysis and raw JSON, with a drawer for the selected step. A running trace
/// is followed through the store's watch stream (the same one SSE serves); new events are redrawn at most every
/// 100 ms, and open spans grow twice a second. Leaving the page cancels the watch.
/// </summary>
public sealed partial class TraceDetail : IDisposable
{
    private static readonly TimeSpan s_redrawInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan s_growInterval = TimeSpan.FromMilliseconds(500);

    private readonly CancellationTokenSource _life = new();
    private readonly ConcurrentQueue<TraceEvent> _arrived = new();
    private RenderThrottle? _throttle;
    private PollingLoop? _grow;
    private TraceSession? _finished;
    private TraceView? _view;
    private string? _loaded;
    private bool _missing;
    private Step? _step;
    private int _tab;

    [Parameter]
    public string TaskId { get; set; } = "";

    [Inject]
    private ITraceReader Store { get; set; } = default!;

    [Inject]
    private TraceAnalyzer Analyzer { get; set; } = default!;

    [Inject]
    private CurrentUser User { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    private double WallSeconds => _view is null ? 0 : LiveSeconds ?? _view.Analysis.WallTimeS;

    /// <summary>Seconds since the first event while the trace runs; null once it has ended.</summary>
    private double? LiveSeconds => _view is { Session.IsFinished: false } view ? (Clock.GetUtcNow() - view.Origin).TotalSeconds : null;

    private object? RecommendationBadge => _view?.Analysis.Recommendations.Count is > 0 and var count ? count : null;

    public void Dispose()
    {
        _life.Cancel();
        _life.Dispose();
        _throttle?.Dispose();
        _grow?.Dispose();
    }

    protected override async Task OnParametersSetAsync()
    {
        if (_loaded == TaskId)
        {
            return;
        }

        _loaded = TaskId;
        var tenant = await User.TenantAsync();
        var whole = TraceIds.IsTaskId(TaskId) ? await Store.ReadWholeAsync(tenant, TaskId, _life.Token) : null;
        if (whole is not { } trace)
        {
            _missing = true;
            return;
        }

        _view = new TraceView(trace.Session, trace.Events, Analyzer);
        if (!trace.Session.IsFinished)
        {
            _throttle = new RenderThrottle(s_redrawInterval, RedrawAsync, Clock);
            _grow = new PollingLoop(s_growInterval, GrowAsync, Clock);
            _ = WatchAsync(tenant, _view.LastSeq, _life.Token);
        }
    }

    private async Task WatchAsync(string tenant, long afterSeq, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var e in Store.WatchAsync(tenant, TaskId, afterSeq, cancellationToken))
            {
                _arrived.Enqueue(e);
                _throttle!.Request();
            }

            _finished = await Store.GetAsync(tenant, TaskId, cancellationToken);
            _throttle!.Request();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private Task RedrawAsync() => InvokeAsync(() =>
    {
        var view = _view!;
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
            StateHasChanged();
        }
    });

    private Task GrowAsync(CancellationToken cancellationToken)
    {
        _throttle!.Request();
        return Task.CompletedTask;
    }

    private void SelectSpan(SpanTiming span) => _step = _view!.StepOf(span);

    private void SelectSeq(long seq) => _step = _view!.StepAt(seq);

    private void CloseStep() => _step = null;
}
