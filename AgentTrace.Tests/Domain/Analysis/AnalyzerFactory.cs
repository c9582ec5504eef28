using AgentTrace.Domain.Analysis;
using AgentTrace.Domain.Analysis.Rules;
using Microsoft.Extensions.Options;

namespace AgentTrace.Tests.Domain.Analysis;

internal static class AnalyzerFactory
{
    public static TraceAnalyzer Default() => With(new AnalysisOptions());

    public static TraceAnalyzer With(AnalysisOptions options) => new(Options.Create(options), RecommendationRules.All);
}
