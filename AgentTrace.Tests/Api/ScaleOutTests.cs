using AgentTrace.Tests.Support;

namespace AgentTrace.Tests.Api;

/// <summary>The scale-out scenarios on one standalone Redis.</summary>
public sealed class ScaleOutTests(RedisFixture redis) : ScaleOutScenarios(redis), IClassFixture<RedisFixture>;
