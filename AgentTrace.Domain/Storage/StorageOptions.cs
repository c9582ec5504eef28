using StackExchange.Redis;

namespace AgentTrace.Domain.Storage;

/// <summary>Where traces are kept and for how long (<c>AgentTrace:Storage</c>).</summary>
public sealed class StorageOptions
{
    public const string Section = "AgentTrace:Storage";

    /// <summary>Redis connection string; empty means the embedded in-memory store.</summary>
    public string Redis { get; set; } = "";

    /// <summary>Days a trace is kept after it was created or, once finished, after it finished; then it is removed.</summary>
    public int RetentionDays { get; set; } = 7;

    /// <summary>The first part of every Redis key and channel, so several deployments can share one Redis.</summary>
    public string RedisKeyPrefix { get; set; } = "agenttrace";

    /// <summary>Events kept per trace, in every store; beyond it events are counted in <c>dropped_events</c>.</summary>
    public int MaxEventsPerTrace { get; set; } = 100_000;

    /// <summary>A trace still <c>running</c> without a new event for this long is marked <c>interrupted</c>.</summary>
    public int InterruptAfterMinutes { get; set; } = 30;

    public bool UsesRedis => !string.IsNullOrWhiteSpace(Redis);

    public IEnumerable<string> Problems()
    {
        if (UsesRedis && RedisConnectionProblem(Redis) is { } redisProblem)
        {
            yield return $"{Section}:Redis is not a valid Redis connection string: {redisProblem}";
        }

        if (RetentionDays is < 1 or > 3650)
        {
            yield return $"{Section}:RetentionDays must be between 1 and 3650 (is {RetentionDays})";
        }

        if (string.IsNullOrWhiteSpace(RedisKeyPrefix) || RedisKeyPrefix.Length > 64 || RedisKeyPrefix.AsSpan().IndexOfAny("{} ") >= 0)
        {
            yield return $"{Section}:RedisKeyPrefix must be 1 to 64 characters without braces or spaces (is '{RedisKeyPrefix}')";
        }

        if (MaxEventsPerTrace is < 1 or > 10_000_000)
        {
            yield return $"{Section}:MaxEventsPerTrace must be between 1 and 10000000 (is {MaxEventsPerTrace})";
        }

        if (InterruptAfterMinutes is < 1 or > 10_080)
        {
            yield return $"{Section}:InterruptAfterMinutes must be between 1 and 10080 (is {InterruptAfterMinutes})";
        }
    }

    private static string? RedisConnectionProblem(string connection)
    {
        try
        {
            _ = ConfigurationOptions.Parse(connection);
            return null;
        }
        catch (ArgumentException ex)
        {
            return ex.Message;
        }
    }
}
