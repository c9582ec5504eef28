using StackExchange.Redis;

namespace AgentTrace.Domain.Storage.Redis;

/// <summary>Opens the app's one Redis connection. It never fails at start: while Redis is down it keeps reconnecting.</summary>
public static class RedisConnection
{
    public static IConnectionMultiplexer Connect(string connectionString)
    {
        var configuration = ConfigurationOptions.Parse(connectionString);
        configuration.AbortOnConnectFail = false;
        configuration.ReconnectRetryPolicy ??= new ExponentialRetry(250, 5000);
        return ConnectionMultiplexer.Connect(configuration);
    }
}
