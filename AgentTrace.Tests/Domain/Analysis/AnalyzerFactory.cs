using AgentTrace.Domain.Analysis;
using Microsoft.Extensions.Options;

namespace AgentTrace.Tests.Domain.Analysis;

internal static class AnalyzerFactory
{
    public static TraceAnalyzer Default() => new(Options.Create(new AnalysisOptions()));
}
