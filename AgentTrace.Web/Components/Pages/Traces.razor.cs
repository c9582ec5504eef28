using AgentTrace.Domain.Model;
using AgentTrace.Domain.Storage;
using AgentTrace.Web.Model;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AgentTrace.Web.Components.Pages;

/// <summary>
/// The tenant's traces, newest first, paged by the store and filtered. The tenant's feed of created and finished
/// traces reloads the shown page (at most twice a second); while the page shows running traces, it is also checked
/// every second and reloaded when one of them progressed.
/// </summary>
public sealed partial class Traces : IDisposable
{
    private static readonly TimeSpan s_reloadInterval = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromSeconds(1);

    private readonly CancellationTokenSource _life = new();
    private MudDataGrid<TraceSession>? _grid;
    private TraceFilter _filter = new();
    private Task<string> _tenant = default!;
    private RenderThrottle? _reload;
    private PollingLoop? _poll;
    private GridState<TraceSession>? _state;
    private string _shown = "";
    private bool _showsRunning;
    private long _total;
    private DateTimeOffset _now;

    [Inject]
    private ITraceReader Store { get; set; } = default!;

    [Inject]
    private CurrentUser User { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    public void Dispose()
    {
        _life.Cancel();
        _life.Dispose();
        _reload?.Dispose();
        _poll?.Dispose();
    }

    protected override void OnInitialized()
    {
        _tenant = User.TenantAsync();
        _now = Clock.GetUtcNow();
        _reload = new RenderThrottle(s_reloadInterval, ReloadAsync, Clock);
        _poll = new PollingLoop(s_pollInterval, PollAsync, Clock);
        _ = FollowFeedAsync(_life.Token);
    }

    private async Task<GridData<TraceSession>> LoadPageAsync(GridState<TraceSession> state, CancellationToken cancellationToken)
    {
        using var both = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _life.Token);
        _state = state;
        _now = Clock.GetUtcNow();
        var page = await Store.ListAsync(await _tenant, _filter.ToQuery(state.Page, state.PageSize, _now), both.Token);
        _shown = Signature(page);
        _showsRunning = page.Sessions.Any(s => s.Status == TraceStatus.Running);
        _total = page.Total;
        return new GridData<TraceSession> { Items = page.Sessions, TotalItems = (int)Math.Min(page.Total, int.MaxValue) };
    }

    private async Task FollowFeedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var _ in Store.WatchTracesAsync(await _tenant, cancellationToken))
            {
                _reload!.Request();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>While running traces are shown: reload when one progressed, else redraw their growing durations.</summary>
    private async Task PollAsync(CancellationToken cancellationToken)
    {
        if (!_showsRunning || _state is not { } state)
        {
            return;
        }

        var page = await Store.ListAsync(await _tenant, _filter.ToQuery(state.Page, state.PageSize, Clock.GetUtcNow()), cancellationToken);
        if (Signature(page) != _shown)
        {
            _reload!.Request();
            return;
        }

        await InvokeAsync(() =>
        {
            _now = Clock.GetUtcNow();
            StateHasChanged();
        });
    }

    private Task ReloadAsync() => InvokeAsync(async () =>
    {
        if (_grid is not null)
        {
            await _grid.ReloadServerData();
        }
    });

    /// <summary>What the page shows that can change: which traces, their status and how far they got.</summary>
    private static string Signature(TracePage page) =>
        string.Join('|', page.Sessions.Select(s => $"{s.TaskId}:{s.Status}:{s.LastSeq}").Prepend(page.Total.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private double? DurationOf(TraceSession trace) =>
        trace.TotalElapsedTime ?? (trace.IsFinished ? null : (_now - trace.CreatedAt).TotalSeconds);

    private Task AgentChanged(string? value) => ApplyAsync(_filter with { AgentId = value });

    private Task UserChanged(string? value) => ApplyAsync(_filter with { UserId = value });

    private Task StatusChanged(TraceStatus? value) => ApplyAsync(_filter with { Status = value });

    private Task RangeChanged(TimeRange value) => ApplyAsync(_filter with { Range = value });

    private async Task ApplyAsync(TraceFilter filter)
    {
        _filter = filter;
        if (_grid is not null)
        {
            await _grid.ReloadServerData();
        }
    }

    private void OpenTrace(DataGridRowClickEventArgs<TraceSession> click) => Navigation.NavigateTo($"traces/{click.Item.TaskId}");
}
