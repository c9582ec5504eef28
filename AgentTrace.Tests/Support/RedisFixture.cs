namespace AgentTrace.Tests.Support;

/// <summary>One standalone <c>redis-server</c> and one connection to it, shared by a test class.</summary>
public sealed class RedisFixture : RedisStoreFixture
{
    protected override async Task<(IAsyncDisposable Servers, string ConnectionString)> StartServersAsync()
    {
        var server = await RedisServer.StartNewAsync();
        return (server, server.ConnectionString);
    }
}
