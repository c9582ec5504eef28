using System.Collections.Concurrent;
using System.Globalization;
using AgentTrace.Domain.Model;
using AgentTrace.Domain.Storage;
using AgentTrace.Web.Live;
using AgentTrace.Web.Model;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AgentTrace.Web.Components.Pages;

/// <summary>
/// The tenant's traces, newest first, paged by the store and filtered. The page is read once per filter and page;
/// after that it follows the tenant's feed of traces (created, changed, finished) through a
/// <see cref="TracesViewModel"/> and redraws from it at most every 200 ms, without reading the list again. Running
/// traces' durations are redrawn every second. When the feed stops, the page says so, and subscribes again after a
/// growing pause, reading the page again (it may have missed changes meanwhile).
/// </summary>
public sealed partial class Traces : IAsyncDisposable
{
    private static readonly TimeSpan s_redrawInterval = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan s_tickInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan s_firstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan s_lastRetry = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource _life = new();
    private readonly ConcurrentQueue<TraceSession> _notices = new();
    private MudDataGrid<TraceSession>? _grid;
    private TracesViewModel? _model;
    private RenderThrottle? _redraw;
    private PollingLoop? _tick;
    private Task _following = Task.CompletedTask;
    private string? _feedError;
    private string? _listError;
    private DateTimeOffset _now;

    [Inject]
    private ITraceReader Store { get; set; } = default!;

    [Inject]
    private CurrentUser User { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private ILogger<Traces> Logger { get; set; } = default!;

    private TraceFilter Filter => _model?.Filter ?? new TraceFilter();

    public async ValueTask DisposeAsync()
    {
        _life.Cancel();
        await _following;
        if (_redraw is not null)
        {
            await _redraw.DisposeAsync();
        }

        if (_tick is not null)
        {
            await _tick.DisposeAsync();
        }

        _life.Dispose();
    }

    protected override async Task OnInitializedAsync()
    {
        var tenant = await User.TenantAsync();
        _now = Clock.GetUtcNow();
        _model = new TracesViewModel(Store, tenant, Clock);
        _redraw = new RenderThrottle("the trace list", s_redrawInterval, RedrawAsync, Clock, Logger);
        _tick = new PollingLoop("the running traces' durations", s_tickInterval, TickAsync, Clock, Logger);
        _following = FollowFeedAsync(tenant, _life.Token);
    }

    /// <summary>The grid's rows: the view model's page, read from the store only when it is not known.</summary>
    private async Task<GridData<TraceSession>> LoadPageAsync(GridState<TraceSession> state, CancellationToken cancellationToken)
    {
        using var both = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _life.Token);
        var model = _model!;
        model.Count = state.PageSize;
        model.StartIndex = state.Page * state.PageSize;
        try
        {
            var (rows, total) = await model.GetTracesAsync(both.Token);
            _listError = null;
            _now = Clock.GetUtcNow();
            StateHasChanged(); // the heading's total and notices are the page's, not the grid's
            return new GridData<TraceSession> { Items = [.. rows], TotalItems = (int)Math.Min(total, int.MaxValue) };
        }
        catch (Exception e) when (!both.IsCancellationRequested)
        {
            Logger.ReadFailed("the trace list", e);
            _listError = $"The trace list could not be read: {FailureText.Of(e)}.";
            StateHasChanged();
            return new GridData<TraceSession> { Items = [], TotalItems = 0 };
        }
    }

    /// <summary>
    /// Follows the feed until the page goes away: each notice is queued for the next redraw. When the feed fails or
    /// ends, the page says so and subscribes again after a pause that doubles up to 30 s, then reads the page again.
    /// </summary>
    private async Task FollowFeedAsync(string tenant, CancellationToken cancellationToken)
    {
        var retry = s_firstRetry;
        for (var restarted = false; ; restarted = true)
        {
            try
            {
                await using (var feed = Store.WatchTracesAsync(tenant, cancellationToken).GetAsyncEnumerator(cancellationToken))
                {
                    // Subscribed first, then read: a change between the two is in both, never in neither.
                    var next = feed.MoveNextAsync();
                    if (restarted)
                    {
                        await InvokeAsync(async () =>
                        {
                            _feedError = null;
                            await ReloadAllAsync();
                        });
                    }

                    while (await next)
                    {
                        _notices.Enqueue(feed.Current);
                        _redraw!.Request();
                        retry = s_firstRetry;
                        next = feed.MoveNextAsync();
                    }
                }

                Logger.FeedEnded(tenant, retry);
                await ShowFeedErrorAsync($"The live feed ended. The list is not updated until it is back, in {Seconds(retry)}.");
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception) when (cancellationToken.IsCancellationRequested)
            {
                // The page went away while the feed failed.
                return;
            }
            catch (Exception e)
            {
                Logger.FeedFailed(tenant, retry, e);
                await ShowFeedErrorAsync($"The live feed stopped: {FailureText.Of(e)}. The list is not updated until it is back; trying again in {Seconds(retry)}.");
            }

            try
            {
                await Task.Delay(retry, Clock, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, s_lastRetry.Ticks));
        }
    }

    private async Task ShowFeedErrorAsync(string message)
    {
        try
        {
            await InvokeAsync(() =>
            {
                _feedError = message;
                StateHasChanged();
            });
        }
        catch (ObjectDisposedException) when (_life.IsCancellationRequested)
        {
        }
    }

    /// <summary>On the renderer: applies the queued notices and redraws the grid from the view model when they changed it.</summary>
    private Task RedrawAsync() => InvokeAsync(async () =>
    {
        var notices = new List<TraceSession>();
        while (_notices.TryDequeue(out var notice))
        {
            notices.Add(notice);
        }

        if (_model is null || notices.Count == 0)
        {
            return;
        }

        try
        {
            if (await _model.ApplyAsync(notices, _life.Token) && _grid is not null)
            {
                _now = Clock.GetUtcNow();
                await _grid.ReloadServerData();
            }
        }
        catch (OperationCanceledException) when (_life.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            // Filling a row that left failed: the page is read again on the next change.
            Logger.ReadFailed("the trace list", e);
            _model.ClearData();
            _listError = $"The trace list could not be read: {FailureText.Of(e)}.";
            StateHasChanged();
        }
    });

    /// <summary>While running traces are shown, redraws their growing durations; the store is not read.</summary>
    private Task TickAsync(CancellationToken cancellationToken) => InvokeAsync(() =>
    {
        if (_model?.ShowsRunning == true)
        {
            _now = Clock.GetUtcNow();
            StateHasChanged();
        }
    });

    /// <summary>Reads the page again (the filters changed, the feed restarted, or the user asked).</summary>
    private async Task ReloadAllAsync()
    {
        _model?.ClearData();
        if (_grid is not null)
        {
            await _grid.ReloadServerData();
        }
    }

    private static string Seconds(TimeSpan pause) => pause.TotalSeconds.ToString("0", CultureInfo.InvariantCulture) + " s";

    private double? DurationOf(TraceSession trace) =>
        trace.TotalElapsedTime ?? (trace.IsFinished ? null : (_now - trace.CreatedAt).TotalSeconds);

    private Task AgentChanged(string? value) => ApplyAsync(Filter with { AgentId = value });

    private Task UserChanged(string? value) => ApplyAsync(Filter with { UserId = value });

    private Task StatusChanged(TraceStatus? value) => ApplyAsync(Filter with { Status = value });

    private Task RangeChanged(TimeRange value) => ApplyAsync(Filter with { Range = value });

    private async Task ApplyAsync(TraceFilter filter)
    {
        if (_model is null)
        {
            return;
        }

        _model.Filter = filter;
        if (_grid is not null)
        {
            await _grid.ReloadServerData();
        }
    }

    private void OpenTrace(DataGridRowClickEventArgs<TraceSession> click) => Navigation.NavigateTo($"traces/{click.Item.TaskId}");
}
