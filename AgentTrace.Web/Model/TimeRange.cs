namespace AgentTrace.Web.Model;

/// <summary>The time windows the trace list can be limited to, counted back from now.</summary>
public enum TimeRange
{
    All,
    Last15Minutes,
    LastHour,
    Last24Hours,
    Last7Days,
}
