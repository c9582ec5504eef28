using System.Net.Sockets;
using StackExchange.Redis;

namespace AgentTrace.Domain.Storage;

/// <summary>
/// Tells a store outage, which passes and is worth retrying, from a failure that retrying the same call cannot mend
/// (a defect, or data the store cannot take), which must fail that call alone.
/// </summary>
public static class StoreFailure
{
    /// <summary>Replies of a Redis that is up but cannot serve the call yet (loading, failing over, full, busy).</summary>
    private static readonly string[] s_passingRedisErrors = ["LOADING", "BUSY", "READONLY", "MASTERDOWN", "CLUSTERDOWN", "TRYAGAIN", "OOM", "NOREPLICAS"];

    /// <summary>True when the store could not be reached or could not serve the call for now.</summary>
    public static bool IsOutage(Exception error) => error switch
    {
        RedisConnectionException or RedisTimeoutException or TimeoutException or IOException or SocketException => true,
        RedisServerException server => s_passingRedisErrors.Any(code => server.Message.StartsWith(code, StringComparison.Ordinal)),
        AggregateException { InnerExceptions: [var inner] } => IsOutage(inner),
        _ => false,
    };
}
