using AgentTrace.Tests.Support;

namespace AgentTrace.Tests.Storage;

public sealed class RedisTraceStoreTests(RedisFixture redis) : RedisTraceStoreContract(redis), IClassFixture<RedisFixture>;
