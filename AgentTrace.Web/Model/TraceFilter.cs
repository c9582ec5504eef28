using AgentTrace.Domain.Model;
using AgentTrace.Domain.Storage;

namespace AgentTrace.Web.Model;

/// <summary>The trace list's filters, turned into a store query for one page.</summary>
public sealed record TraceFilter
{
    public string? AgentId { get; init; }

    public string? UserId { get; init; }

    public TraceStatus? Status { get; init; }

    public TimeRange Range { get; init; } = TimeRange.All;

    /// <param name="page">The page, counted from 0 as the grid does.</param>
    /// <param name="pageSize">Rows per page.</param>
    /// <param name="now">The instant the time range counts back from.</param>
    public TraceQuery ToQuery(int page, int pageSize, DateTimeOffset now) => new()
    {
        AgentId = Blank(AgentId),
        UserId = Blank(UserId),
        Status = Status,
        From = Since(Range, now),
        Page = page + 1,
        PageSize = Math.Clamp(pageSize, 1, Paging.MaxPageSize),
    };

    public static DateTimeOffset? Since(TimeRange range, DateTimeOffset now) => range switch
    {
        TimeRange.Last15Minutes => now.AddMinutes(-15),
        TimeRange.LastHour => now.AddHours(-1),
        TimeRange.Last24Hours => now.AddDays(-1),
        TimeRange.Last7Days => now.AddDays(-7),
        _ => null,
    };

    public static string Describe(TimeRange range) => range switch
    {
        TimeRange.Last15Minutes => "Last 15 minutes",
        TimeRange.LastHour => "Last hour",
        TimeRange.Last24Hours => "Last 24 hours",
        TimeRange.Last7Days => "Last 7 days",
        _ => "Any time",
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
