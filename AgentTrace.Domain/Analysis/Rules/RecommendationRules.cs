namespace AgentTrace.Domain.Analysis.Rules;

/// <summary>The built-in recommendation rules, in the order their findings are listed at equal severity.</summary>
internal static class RecommendationRules
{
    public static IReadOnlyList<IRecommendationRule> All { get; } =
    [
        new FailingComponentRule(),
        new DroppedEventsRule(),
        new SlowComponentRule(),
        new LlmDominatesRule(),
        new RepeatedToolCallsRule(),
        new EmptyRetrievalRule(),
        new LowRetrievalScoresRule(),
        new LargePromptRule(),
        new HighTokenUsageRule(),
        new UnfinishedSpanRule(),
        new TruncatedFieldsRule(),
    ];
}
