using AgentTrace.Domain.Model;
using AgentTrace.Web.Components.Charts;
using AgentTrace.Web.Model;
using Microsoft.AspNetCore.Components;

namespace AgentTrace.Web.Components.Pages;

/// <summary>
/// At a glance: how many runs, how many failed, how long and how costly per agent, and what to fix most often. A load
/// that fails is logged and said on the page, with a way to try again.
/// </summary>
public sealed partial class Overview : IDisposable
{
    private static readonly TimeRange[] s_ranges = [TimeRange.LastHour, TimeRange.Last24Hours, TimeRange.Last7Days];

    private readonly CancellationTokenSource _life = new();
    private TimeRange _range = TimeRange.Last24Hours;
    private OverviewStats? _stats;
    private IReadOnlyList<RecommendationDigest>? _digests;
    private int _unanalysed;
    private string? _error;
    private string? _digestError;
    private bool _capped;
    private Figure _runs = default!;
    private Figure _durations = default!;
    private Figure _tokens = default!;
    private Figure _errors = default!;

    [Inject]
    private OverviewLoader Loader { get; set; } = default!;

    [Inject]
    private CurrentUser User { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private ILogger<Overview> Logger { get; set; } = default!;

    public void Dispose()
    {
        _life.Cancel();
        _life.Dispose();
    }

    protected override Task OnInitializedAsync() => LoadAsync();

    private Task RangeChanged(TimeRange range)
    {
        _range = range;
        return LoadAsync();
    }

    private async Task LoadAsync()
    {
        var tenant = await User.TenantAsync();
        var now = Clock.GetUtcNow();
        var from = TraceFilter.Since(_range, now)!.Value;
        IReadOnlyList<TraceSession> traces;
        try
        {
            (traces, _capped) = await Loader.TracesAsync(tenant, from, _life.Token);
            _error = null;
        }
        catch (Exception e) when (!_life.IsCancellationRequested)
        {
            Logger.ReadFailed("the overview's traces", e);
            _error = $"The overview could not be read: {FailureText.Of(e)}.";
            return;
        }

        _stats = OverviewStats.Of(traces, from, now);
        _runs = OverviewFigures.RunsOverTime(_stats);
        _durations = OverviewFigures.DurationPerAgent(_stats);
        _tokens = OverviewFigures.TokensPerAgent(_stats);
        _errors = OverviewFigures.ErrorRateOverTime(_stats);
        _digests = null;
        _digestError = null;
        StateHasChanged();
        try
        {
            (_digests, _unanalysed) = await Loader.RecommendationsAsync(tenant, traces, _life.Token);
        }
        catch (Exception e) when (!_life.IsCancellationRequested)
        {
            Logger.ReadFailed("the overview's recommendations", e);
            _digestError = $"The recommendations could not be read: {FailureText.Of(e)}.";
            _digests = [];
        }
    }
}
