using AgentTrace.Domain.Storage;
using AgentTrace.Tests.Support;

namespace AgentTrace.Tests.Storage;

public sealed class RedisTraceStoreTests(RedisFixture redis) : TraceStoreContract, IClassFixture<RedisFixture>
{
    protected override Task<ITraceStore> NewStoreAsync() => Task.FromResult<ITraceStore>(redis.NewStore());
}
