using System.Globalization;
using AgentTrace.Domain.Analysis;
using AgentTrace.Domain.Model;
using MudBlazor;

namespace AgentTrace.Web.Model;

/// <summary>How numbers, times and states read on the dashboard; numbers read as in recommendations (<see cref="Describe"/>).</summary>
public static class Display
{
    private static readonly CultureInfo s_culture = CultureInfo.InvariantCulture;

    /// <summary>A duration from seconds as <see cref="Describe.Duration"/> words it (850 ms, 1.25 s, 2 m 05 s); – when unknown.</summary>
    public static string Duration(double? seconds) => seconds is not { } s || double.IsNaN(s) ? "–" : Describe.Duration(s);

    /// <summary>A signed difference of seconds, such as +120 ms or −1.50 s.</summary>
    public static string DurationDelta(double seconds) =>
        seconds switch
        {
            > 0 => "+" + Duration(seconds),
            < 0 => "−" + Duration(-seconds),
            _ => "0",
        };

    /// <summary>A count as <see cref="Describe.Count"/> words it (12,400).</summary>
    public static string Count(long value) => Describe.Count(value);

    /// <summary>A share of 1 as <see cref="Describe.Percent"/> words it (12.5%).</summary>
    public static string Percent(double share) => Describe.Percent(share);

    /// <summary>A similarity score as <see cref="Describe.Score"/> words it (0.82).</summary>
    public static string Score(double score) => Describe.Score(score);

    public static string CountDelta(long value) => value switch
    {
        > 0 => "+" + Count(value),
        < 0 => "−" + Count(-value),
        _ => "0",
    };

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", s_culture);

    /// <summary>How long ago, roughly: 5 s ago, 3 min ago, 2 h ago, 4 d ago.</summary>
    public static string Ago(DateTimeOffset at, DateTimeOffset now)
    {
        var s = Math.Max(0, (now - at).TotalSeconds);
        return s switch
        {
            < 60 => $"{(int)s} s ago",
            < 3600 => $"{(int)(s / 60)} min ago",
            < 86400 => $"{(int)(s / 3600)} h ago",
            _ => $"{(int)(s / 86400)} d ago",
        };
    }

    public static Color StatusColor(TraceStatus status) => status switch
    {
        TraceStatus.Running => Color.Info,
        TraceStatus.Completed => Color.Success,
        TraceStatus.Failed => Color.Error,
        TraceStatus.Cancelled or TraceStatus.Interrupted => Color.Warning,
        _ => Color.Default,
    };

    public static Color SeverityColor(RecommendationSeverity severity) => severity switch
    {
        RecommendationSeverity.Critical => Color.Error,
        RecommendationSeverity.Warning => Color.Warning,
        _ => Color.Info,
    };

    public static string KindName(SpanKind kind) => kind switch
    {
        SpanKind.Llm => "LLM",
        _ => kind.ToString(),
    };

    public static string KindIcon(SpanKind kind) => kind switch
    {
        SpanKind.Workflow => Icons.Material.Outlined.AccountTree,
        SpanKind.Node => Icons.Material.Outlined.Widgets,
        SpanKind.Llm => Icons.Material.Outlined.AutoAwesome,
        SpanKind.Retrieval => Icons.Material.Outlined.ManageSearch,
        SpanKind.Tool => Icons.Material.Outlined.Build,
        SpanKind.Thinking => Icons.Material.Outlined.Psychology,
        _ => Icons.Material.Outlined.Circle,
    };

    /// <summary>The CSS class that colours a span's bar by kind (failures override it).</summary>
    public static string KindClass(SpanKind kind) => "kind-" + kind.ToString().ToLowerInvariant();
}
