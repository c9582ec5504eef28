namespace AgentTrace.Domain.Recording;

/// <summary>What appending a client's batch did.</summary>
/// <param name="Outcome">Whether the batch was taken.</param>
/// <param name="Accepted">Events stored.</param>
/// <param name="Duplicates">Events skipped because their <c>seq</c> was already stored.</param>
/// <param name="LastSeq">The trace's newest <c>seq</c> after the call.</param>
/// <param name="Message">For a refused batch, what is wrong.</param>
public sealed record IngestResult(IngestOutcome Outcome, int Accepted, int Duplicates, long LastSeq, string? Message = null);
