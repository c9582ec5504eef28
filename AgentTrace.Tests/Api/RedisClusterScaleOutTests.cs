using AgentTrace.Tests.Support;

namespace AgentTrace.Tests.Api;

/// <summary>The scale-out scenarios on a Redis Cluster of three masters: pub/sub, the hub backplane and cancel cross nodes.</summary>
public sealed class RedisClusterScaleOutTests(RedisClusterFixture cluster) : ScaleOutScenarios(cluster), IClassFixture<RedisClusterFixture>;
