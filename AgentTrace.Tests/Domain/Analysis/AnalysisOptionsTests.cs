using AgentTrace.Domain.Analysis;
using AgentTrace.Tests.Support;

namespace AgentTrace.Tests.Domain.Analysis;

public sealed class AnalysisOptionsTests
{
    [Fact]
    public void Problems_Defaults_None()
    {
        Assert.Empty(new AnalysisOptions().Problems());
    }

    [Fact]
    public void Problems_SeveralBadValues_ListsEveryOne()
    {
        var options = new AnalysisOptions { BottleneckShare = 0, RepeatedToolCalls = 1, LowRetrievalScore = 1.5 };

        Assert.Equal(
            [
                "AgentTrace:Analysis:BottleneckShare must be above 0 and at most 1 (is 0)",
                "AgentTrace:Analysis:RepeatedToolCalls must be between 2 and 1000 (is 1)",
                "AgentTrace:Analysis:LowRetrievalScore must be between 0 and 1 (is 1.5)",
            ],
            options.Problems());
    }

    [Fact]
    public void Analyze_HigherBottleneckShare_IsApplied()
    {
        var run = SampleRuns.Rag();
        var analyzer = AnalyzerFactory.With(new AnalysisOptions { BottleneckShare = 0.7 });

        var analysis = analyzer.Analyze(run.Session(), run.Events);

        Assert.Empty(analysis.Bottlenecks);
        Assert.DoesNotContain(analysis.Recommendations, r => r.Rule == "slow_component");
    }
}
