namespace AgentTrace.Web.Model;

/// <summary>What the dashboard's background work logs when it fails: each page and control logs under its own category.</summary>
public static partial class DashboardLog
{
    [LoggerMessage(EventId = 1004, Level = LogLevel.Error, Message = "Following trace {TaskId} stopped")]
    public static partial void TraceWatchFailed(this ILogger logger, string taskId, Exception exception);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "The trace feed of tenant {Tenant} stopped; subscribing again in {Retry}")]
    public static partial void FeedFailed(this ILogger logger, string tenant, TimeSpan retry, Exception exception);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning, Message = "The trace feed of tenant {Tenant} ended although nobody stopped it; subscribing again in {Retry}")]
    public static partial void FeedEnded(this ILogger logger, string tenant, TimeSpan retry);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Error, Message = "Reading {What} failed")]
    public static partial void ReadFailed(this ILogger logger, string what, Exception exception);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Warning, Message = "Analysing trace {TaskId} for the overview failed; it is left out")]
    public static partial void AnalysisFailed(this ILogger logger, string taskId, Exception exception);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Error, Message = "Streaming the answer of run {TaskId} stopped")]
    public static partial void AnswerStreamFailed(this ILogger logger, string taskId, Exception exception);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Error, Message = "Cancelling run {TaskId} failed")]
    public static partial void CancelFailed(this ILogger logger, string taskId, Exception exception);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Error, Message = "Starting a run of agent {AgentId} failed")]
    public static partial void RunFailed(this ILogger logger, string agentId, Exception exception);
}
