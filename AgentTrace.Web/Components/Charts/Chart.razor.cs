using AgentTrace.Web.Model;
using Microsoft.AspNetCore.Components;
using Plotly.Blazor;
using PlotLayout = Plotly.Blazor.Layout;

namespace AgentTrace.Web.Components.Charts;

/// <summary>
/// One Plotly chart. Plotly does not redraw with its parent, so a new <see cref="Figure"/> is handed over and drawn
/// through the chart's <c>React</c>, at most every 200 ms however often figures arrive.
/// </summary>
public sealed partial class Chart : IDisposable
{
    private static readonly TimeSpan s_redrawInterval = TimeSpan.FromMilliseconds(200);

    private readonly Config _config = FigureStyle.Config();
    private PlotlyChart? _plot;
    private IList<ITrace> _data = [];
    private PlotLayout _layout = new();
    private Figure? _shown;
    private RenderThrottle? _throttle;
    private bool _drawn;

    [Parameter]
    [EditorRequired]
    public Figure Figure { get; set; } = default!;

    [Parameter]
    public string? Title { get; set; }

    [Parameter]
    public int Height { get; set; } = 280;

    /// <summary>What to say when there is nothing to draw.</summary>
    [Parameter]
    public string Empty { get; set; } = "Nothing to show yet.";

    [Parameter]
    public string? TestId { get; set; }

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    public void Dispose() => _throttle?.Dispose();

    protected override void OnInitialized() => _throttle = new RenderThrottle(s_redrawInterval, ReactAsync, Clock);

    protected override void OnParametersSet()
    {
        if (ReferenceEquals(_shown, Figure))
        {
            return;
        }

        _shown = Figure;
        _data = Figure.Data;
        _layout = Figure.Layout;
        _layout.Height ??= Height;
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

    private Task ReactAsync() => InvokeAsync(() => _plot is null ? Task.CompletedTask : _plot.React());
}
