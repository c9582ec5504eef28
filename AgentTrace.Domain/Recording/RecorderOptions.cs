namespace AgentTrace.Domain.Recording;

/// <summary>The queue between producers and the store (<c>AgentTrace:Recording</c>).</summary>
public sealed class RecorderOptions
{
    public const string Section = "AgentTrace:Recording";

    /// <summary>Events held between producers and the store; only when it is full does a producer wait.</summary>
    public int QueueCapacity { get; set; } = 65_536;

    /// <summary>The most events written to the store in one call.</summary>
    public int MaxBatchSize { get; set; } = 512;

    public IEnumerable<string> Problems()
    {
        if (QueueCapacity is < 16 or > 10_000_000)
        {
            yield return $"{Section}:QueueCapacity must be between 16 and 10000000 (is {QueueCapacity})";
        }

        if (MaxBatchSize is < 1 or > 10_000)
        {
            yield return $"{Section}:MaxBatchSize must be between 1 and 10000 (is {MaxBatchSize})";
        }
    }
}
