namespace AgentTrace.Domain.Recording;

public enum IngestOutcome
{
    /// <summary>Stored (duplicates, if any, were skipped).</summary>
    Accepted,

    NotFound,

    /// <summary>The trace is finished and takes no more events.</summary>
    Finished,

    /// <summary>A given <c>seq</c> skips ahead of the next expected one.</summary>
    Gap,

    /// <summary>The given <c>seq</c> values of the batch are not increasing.</summary>
    OutOfOrder,
}
