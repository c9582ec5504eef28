using AgentTrace.Domain.Analysis;

namespace AgentTrace.Web.Model;

/// <summary>One step of two runs side by side; a side is null when that run did not have the step.</summary>
public sealed record ComparedStep(string Key, int Depth, string Label, SpanKind Kind, SpanTiming? A, SpanTiming? B, long TokensA, long TokensB)
{
    /// <summary>B's duration minus A's, when both ran the step.</summary>
    public double? DeltaSeconds => A is not null && B is not null ? B.DurationS - A.DurationS : null;

    public long? DeltaTokens => A is not null && B is not null ? TokensB - TokensA : null;
}
