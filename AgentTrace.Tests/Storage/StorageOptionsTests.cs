using AgentTrace.Domain.Storage;

namespace AgentTrace.Tests.Storage;

public sealed class StorageOptionsTests
{
    [Fact]
    public void Problems_Defaults_None()
    {
        Assert.Empty(new StorageOptions().Problems());
        Assert.Empty(new StorageOptions { Redis = "127.0.0.1:6379,connectTimeout=2000" }.Problems());
    }

    [Fact]
    public void Problems_BadValues_NamesEveryBadKey()
    {
        var options = new StorageOptions
        {
            Redis = "127.0.0.1:6379,connectTimeout=soon",
            RetentionDays = 0,
            RedisKeyPrefix = "a{b}",
            MaxEventsPerTrace = 0,
            InterruptAfterMinutes = 0,
        };

        var problems = options.Problems().ToList();

        Assert.Equal(5, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("AgentTrace:Storage:Redis ", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("AgentTrace:Storage:RetentionDays ", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("AgentTrace:Storage:RedisKeyPrefix ", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("AgentTrace:Storage:MaxEventsPerTrace ", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("AgentTrace:Storage:InterruptAfterMinutes ", StringComparison.Ordinal));
    }
}
