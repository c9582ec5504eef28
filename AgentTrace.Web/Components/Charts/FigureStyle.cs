using Plotly.Blazor;
using PlotLayout = Plotly.Blazor.Layout;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;

namespace AgentTrace.Web.Components.Charts;

/// <summary>The look shared by every chart: transparent on the page's background, grey text that reads in both themes, the kind and status colours.</summary>
public static class FigureStyle
{
    public const string Grey = "#8a94a6";
    public const string Grid = "rgba(138, 148, 166, 0.25)";
    public const string Node = "#5c6bc0";
    public const string Llm = "#8e24aa";
    public const string Retrieval = "#00897b";
    public const string Tool = "#ef8f00";
    public const string Failed = "#e53935";
    public const string Completed = "#43a047";
    public const string Running = "#1e88e5";
    public const string Cancelled = "#fb8c00";
    public const string Prompt = "#7986cb";
    public const string Completion = "#4db6ac";

    public static PlotLayout Layout(int height, string? yTitle = null, bool stacked = false, bool horizontal = false, string? xTitle = null) => new()
    {
        Height = height,
        AutoSize = true,
        PaperBgColor = "rgba(0,0,0,0)",
        PlotBgColor = "rgba(0,0,0,0)",
        Font = new Font { Color = Grey, Family = "system-ui, -apple-system, Segoe UI, Roboto, sans-serif", Size = 12 },
        Margin = new Margin { L = horizontal ? 140 : 56, R = 16, T = 12, B = 48 },
        BarMode = stacked ? BarModeEnum.Stack : BarModeEnum.Group,
        ShowLegend = true,
        Legend = [new Legend { Orientation = Plotly.Blazor.LayoutLib.LegendLib.OrientationEnum.H, Y = 1.12m }],
        XAxis = [new XAxis { GridColor = Grid, AutoMargin = Plotly.Blazor.LayoutLib.XAxisLib.AutoMarginFlag.True, Title = xTitle is null ? null : new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = xTitle } }],
        YAxis = [new YAxis { GridColor = Grid, AutoMargin = Plotly.Blazor.LayoutLib.YAxisLib.AutoMarginFlag.True, Title = yTitle is null ? null : new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = yTitle } }],
    };

    public static Bar Bar(string name, IEnumerable<object> x, IEnumerable<object> y, string color, bool horizontal = false) => new()
    {
        Name = name,
        X = [.. x],
        Y = [.. y],
        Orientation = horizontal ? Plotly.Blazor.Traces.BarLib.OrientationEnum.H : Plotly.Blazor.Traces.BarLib.OrientationEnum.V,
        Marker = new Plotly.Blazor.Traces.BarLib.Marker { Color = color },
    };

    /// <summary>The default chart options: fits its container, no logo, a slim toolbar.</summary>
    public static Config Config() => new()
    {
        Responsive = true,
        DisplayLogo = false,
        DisplayModeBar = Plotly.Blazor.ConfigLib.DisplayModeBarEnum.Hover,
    };
}
