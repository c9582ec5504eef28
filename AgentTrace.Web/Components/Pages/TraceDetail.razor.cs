using AgentTrace.Domain.Analysis;
using AgentTrace.Domain.Storage;
using AgentTrace.Web.Model;
using Microsoft.AspNetCore.Components;

namespace AgentTrace.Web.Components.Pages;

/// <summary>
/// One trace: header, timeline, events, analysis and raw JSON, with a drawer for the selected step. A running trace
/// grows live (see <see cref="LiveTrace"/>); leaving the page stops following it, and a failure to follow it is shown.
/// </summary>
public sealed partial class TraceDetail : IAsyncDisposable
{
    private LiveTrace? _trace;
    private string? _loaded;
    private bool _missing;
    private string? _loadError;
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

    [Inject]
    private ILogger<TraceDetail> Logger { get; set; } = default!;

    private TraceView? View => _trace?.View;

    private object? RecommendationBadge => View?.Analysis.Recommendations.Count is > 0 and var count ? count : null;

    public async ValueTask DisposeAsync()
    {
        if (_trace is not null)
        {
            await _trace.DisposeAsync();
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        if (_loaded != TaskId)
        {
            _loaded = TaskId;
            await OpenAsync();
        }
    }

    private async Task OpenAsync()
    {
        if (_trace is not null)
        {
            await _trace.DisposeAsync();
        }

        _step = null;
        _loadError = null;
        _trace = new LiveTrace(Store, Analyzer, Clock, Logger);
        try
        {
            _missing = !await _trace.OpenAsync(await User.TenantAsync(), TaskId, InvokeAsync, StateHasChanged);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Logger.ReadFailed($"trace {TaskId}", e);
            _loadError = $"The trace could not be read: {FailureText.Of(e)}.";
        }
    }

    private void SelectSpan(SpanTiming span) => _step = View!.StepOf(span);

    private void SelectSeq(long seq) => _step = View!.StepAt(seq);

    private void CloseStep() => _step = null;
}
