using AgentTrace.Domain.Analysis;
using AgentTrace.Tests.Domain.Analysis;
using AgentTrace.Tests.Support;
using AgentTrace.Web.Model;

namespace AgentTrace.Tests.Model;

public sealed class RunComparisonTests
{
    private static readonly TraceAnalyzer s_analyzer = AnalyzerFactory.Default();

    [Fact]
    public void Compare_SameShape_MatchesEveryStepWithItsDifference()
    {
        var steps = RunComparison.Of(View(SampleRuns.Rag(1)), View(SampleRuns.Rag(2)));

        Assert.Equal(["Begin", "Retrieve", "search kb_docs", "Answer", "gpt-4o", "Reply"], steps.Select(s => s.Label));
        Assert.All(steps, s => Assert.True(s.A is not null && s.B is not null));
        var answer = steps.Single(s => s.Label == "Answer");
        Assert.Equal(answer.A!.DurationS, answer.DeltaSeconds!.Value, 3);
        Assert.Equal(0, answer.DeltaTokens);
        Assert.Equal(165, answer.TokensA);
    }

    [Fact]
    public void Compare_ExtraCallsInB_AreKeptAfterTheStepBeforeThem()
    {
        var steps = RunComparison.Of(View(DemoRuns.ToolAgent(rounds: 1)), View(DemoRuns.ToolAgent(rounds: 3)));

        var solve = steps.Select((s, i) => (s, i)).Where(x => x.s.Key.StartsWith("agent_0#1", StringComparison.Ordinal)).ToList();
        Assert.Equal(["Solve", "thinking", "gpt-4o", "calculator", "gpt-4o", "calculator", "gpt-4o", "calculator"], solve.Select(x => x.s.Label));
        Assert.Equal(solve.Select(x => x.i), Enumerable.Range(solve[0].i, solve.Count));
        Assert.Equal(4, solve.Count(x => x.s.A is null));
        Assert.Equal(2 * 24 + (420 + 630), solve[0].s.DeltaTokens);
    }

    [Fact]
    public void Compare_StepOnlyInA_HasNoDifference()
    {
        var steps = RunComparison.Of(View(DemoRuns.ToolAgent()), View(DemoRuns.ToolAgent(failTool: true)));

        var reply = steps.Single(s => s.Label == "Reply");
        Assert.Null(reply.B);
        Assert.Null(reply.DeltaSeconds);
        Assert.Null(reply.DeltaTokens);
    }

    private static TraceView View(TraceBuilder run) => new(run.Session(), run.Events, s_analyzer);
}
