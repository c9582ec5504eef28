using AgentTrace.Domain.Model;
using AgentTrace.Domain.Storage;
using AgentTrace.Web.Model;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace AgentTrace.Web.Components.Pages;

/// <summary>
/// The tenant's traces, newest first, paged by the store and filtered. The shown page is checked every second and
/// redrawn only when a trace on it changed or a new one arrived.
/// </summary>
public sealed partial class Traces : IDisposable
{
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromSeconds(1);

    private MudDataGrid<TraceSession>? _grid;
    private TraceFilter _filter = new();
    private Task<string> _tenant = default!;
    private PollingLoop? _poll;
    private GridState<TraceSession>? _state;
    private string _shown = "";
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

    public void Dispose() => _poll?.Dispose();

    protected override void OnInitialized()
    {
        _tenant = User.TenantAsync();
        _now = Clock.GetUtcNow();
        _poll = new PollingLoop(s_pollInterval, PollAsync, Clock);
    }

    private async Task<GridData<TraceSession>> LoadPageAsync(GridState<TraceSession> state, CancellationToken cancellationToken)
    {
        using var both = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _poll!.Token);
        _state = state;
        _now = Clock.GetUtcNow();
        var page = await Store.ListAsync(await _tenant, _filter.ToQuery(state.Page, state.PageSize, _now), both.Token);
        _shown = Signature(page);
        _total = page.Total;
        return new GridData<TraceSession> { Items = page.Sessions, TotalItems = (int)Math.Min(page.Total, int.MaxValue) };
    }

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        if (_state is not { } state || _grid is null)
        {
            return;
        }

        var now = Clock.GetUtcNow();
        var page = await Store.ListAsync(await _tenant, _filter.ToQuery(state.Page, state.PageSize, now), cancellationToken);
        var changed = Signature(page) != _shown;
        var running = page.Sessions.Any(s => s.Status == TraceStatus.Running);
        if (!changed && !running)
        {
            return;
        }

        await InvokeAsync(async () =>
        {
            _now = now;
            if (changed)
            {
                await _grid.ReloadServerData();
            }

            StateHasChanged();
        });
    }

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
