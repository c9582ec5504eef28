using AgentTrace.Web.Live;
using AgentTrace.Web.Model;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using Plotly.Blazor;
using PlotLayout = Plotly.Blazor.Layout;

namespace AgentTrace.Web.Components.Charts;

/// <summary>
/// One Plotly chart. Plotly does not redraw with its parent, so a new <see cref="Figure"/> is handed over and drawn
/// through the chart's <c>React</c>, at most every 200 ms however often figures arrive. A redraw that fails is logged
/// and the chart says so.
/// </summary>
public sealed partial class Chart : IAsyncDisposable
{
    private static readonly TimeSpan s_redrawInterval = TimeSpan.FromMilliseconds(200);

    private readonly Config _config = FigureStyle.Config();
    private PlotlyChart? _plot;
    private IList<ITrace> _data = [];
    private PlotLayout _layout = new();
    private Figure? _shown;
    private RenderThrottle? _throttle;
    private bool _drawn;
    private string? _failure;

    [Parameter]
    [EditorRequired]
    public Figure Figure { get; set; } = default!;

    [Parameter]
    public string? Title { get; set; }

    /// <summary>What to say when there is nothing to draw.</summary>
    [Parameter]
    public string Empty { get; set; } = "Nothing to show yet.";

    [Parameter]
    public string? TestId { get; set; }

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private ILogger<Chart> Logger { get; set; } = default!;

    public async ValueTask DisposeAsync()
    {
        if (_throttle is not null)
        {
            await _throttle.DisposeAsync();
        }
    }

    protected override void OnInitialized() =>
        _throttle = new RenderThrottle(What, s_redrawInterval, ReactAsync, Clock, Logger);

    protected override void OnParametersSet()
    {
        if (ReferenceEquals(_shown, Figure))
        {
            return;
        }

        _shown = Figure;
        _data = Figure.Data;
        _layout = Figure.Layout;
        if (_drawn)
        {
            _throttle!.Request();
        }
    }

    protected override void OnAfterRender(bool firstRender)
    {
        // The first drawing comes with the chart itself; later figures go through React.
        _drawn = _plot is not null;
    }

    private Task ReactAsync() => InvokeAsync(async () =>
    {
        try
        {
            if (_plot is not null)
            {
                await _plot.React();
            }
        }
        catch (JSDisconnectedException)
        {
            // The browser went away: there is nothing left to draw on.
        }
        catch (Exception e)
        {
            Logger.RedrawFailed(What, e);
            _failure = $"This chart could not be redrawn: {FailureText.Of(e)}.";
            StateHasChanged();
        }
    });

    private string What => $"the chart '{Title ?? TestId}'";
}
