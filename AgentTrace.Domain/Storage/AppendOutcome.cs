namespace AgentTrace.Domain.Storage;

public enum AppendOutcome
{
    /// <summary>The batch was taken (some events may have been duplicates).</summary>
    Appended,

    /// <summary>No such trace for this tenant.</summary>
    NotFound,

    /// <summary>The trace is finished; nothing was stored.</summary>
    Finished,

    /// <summary>The first new <c>seq</c> does not follow the stored one; nothing was stored.</summary>
    Gap,
}
