namespace AgentTrace.Domain.Storage;

/// <summary>What an append did.</summary>
/// <param name="Outcome">Whether the batch was taken.</param>
/// <param name="Appended">Events stored by this call.</param>
/// <param name="Duplicates">Events skipped because their <c>seq</c> was already stored.</param>
/// <param name="Dropped">Events refused by a capacity limit (counted in the trace's <c>dropped_events</c>).</param>
/// <param name="LastSeq">The trace's newest stored <c>seq</c> after the call.</param>
public sealed record AppendResult(AppendOutcome Outcome, int Appended, int Duplicates, int Dropped, long LastSeq)
{
    public static AppendResult NotFound { get; } = new(AppendOutcome.NotFound, 0, 0, 0, 0);
}
