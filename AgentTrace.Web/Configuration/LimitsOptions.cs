namespace AgentTrace.Web.Configuration;

/// <summary>Request limits (<c>AgentTrace:Limits</c>); each is answered with a clear 413 or 429.</summary>
public sealed class LimitsOptions
{
    public const string Section = "AgentTrace:Limits";

    /// <summary>Largest request body, in bytes.</summary>
    public long MaxRequestBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Most events in one ingest batch.</summary>
    public int MaxEventsPerBatch { get; set; } = 1000;

    /// <summary>Largest single event, in bytes of JSON.</summary>
    public int MaxEventBytes { get; set; } = 1024 * 1024;

    /// <summary>Open SSE streams allowed per API key.</summary>
    public int MaxStreamsPerKey { get; set; } = 16;

    /// <summary>Requests per minute allowed per API key.</summary>
    public int RequestsPerMinute { get; set; } = 6000;

    /// <summary>Seconds between SSE heartbeat comments.</summary>
    public double HeartbeatSeconds { get; set; } = 15;

    public IEnumerable<string> Problems()
    {
        if (MaxRequestBytes is < 1024 or > 1024L * 1024 * 1024)
        {
            yield return $"{Section}:MaxRequestBytes must be between 1024 and 1073741824 (is {MaxRequestBytes})";
        }

        if (MaxEventsPerBatch is < 1 or > 1000)
        {
            yield return $"{Section}:MaxEventsPerBatch must be between 1 and 1000 (is {MaxEventsPerBatch})";
        }

        if (MaxEventBytes < 1024 || MaxEventBytes > MaxRequestBytes)
        {
            yield return $"{Section}:MaxEventBytes must be between 1024 and MaxRequestBytes (is {MaxEventBytes})";
        }

        if (MaxStreamsPerKey is < 1 or > 10_000)
        {
            yield return $"{Section}:MaxStreamsPerKey must be between 1 and 10000 (is {MaxStreamsPerKey})";
        }

        if (RequestsPerMinute is < 1 or > 10_000_000)
        {
            yield return $"{Section}:RequestsPerMinute must be between 1 and 10000000 (is {RequestsPerMinute})";
        }

        if (HeartbeatSeconds is < 0.05 or > 3600)
        {
            yield return $"{Section}:HeartbeatSeconds must be between 0.05 and 3600 (is {HeartbeatSeconds})";
        }
    }
}
