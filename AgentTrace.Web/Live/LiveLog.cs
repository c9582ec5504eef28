namespace AgentTrace.Web.Live;

/// <summary>What the live helpers log when the work they run fails (event ids 1001–1003 of the dashboard's range).</summary>
internal static partial class LiveLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Error, Message = "Redrawing {What} failed")]
    public static partial void RedrawFailed(this ILogger logger, string what, Exception exception);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Updating {What} failed; it is tried again every {Interval}")]
    public static partial void TickFailed(this ILogger logger, string what, TimeSpan interval, Exception exception);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Updating {What} works again")]
    public static partial void TickRecovered(this ILogger logger, string what);
}
