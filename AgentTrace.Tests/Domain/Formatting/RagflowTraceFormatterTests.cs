using System.Text.Json;
using AgentTrace.Domain.Formatting;
using AgentTrace.Domain.Model;
using AgentTrace.Tests.Support;

namespace AgentTrace.Tests.Domain.Formatting;

public sealed class RagflowTraceFormatterTests
{
    private readonly RagflowTraceFormatter _formatter = new();

    [Fact]
    public void FormatTrace_RagRun_GivesOneEntryPerFinishedNodeInOrder()
    {
        var entries = _formatter.FormatTrace(SampleRuns.Rag().Events);

        Assert.Equal(["begin_0", "retrieval_0", "llm_0", "message_0"], entries.Select(e => e.ComponentId));
        Assert.Equal(
            """[{"component_id":"begin_0","trace":[{"inputs":null,"outputs":null,"component_id":"begin_0","component_name":"Begin","component_type":"Begin","error":null,"elapsed_time":0.05,"created_at":1740819600.05}]}]""",
            JsonSerializer.Serialize(entries.Take(1).ToList(), FormatJsonContext.Wire.IReadOnlyListRagflowTraceEntry));
    }

    [Fact]
    public void FormatEvent_FailedNode_CarriesItsErrorAndInputs()
    {
        var run = new TraceBuilder();
        run.StartWorkflow();
        run.StartNode("search_0", "Search", "Retrieval");
        run.Advance(0.25);
        var failed = run.End(TraceEventType.NodeFailed, e => e with { Error = "index missing", Inputs = SampleRuns.Json("""{"query":"refunds"}""") });

        var entry = _formatter.FormatEvent(failed);

        Assert.Equal(
            """{"component_id":"search_0","trace":[{"inputs":{"query":"refunds"},"outputs":null,"component_id":"search_0","component_name":"Search","component_type":"Retrieval","error":"index missing","elapsed_time":0.25,"created_at":1740819600.25}]}""",
            JsonSerializer.Serialize(entry!, FormatJsonContext.Wire.RagflowTraceEntry));
    }

    [Fact]
    public void FormatEvent_EachNode_SendsOnlyItsOwnEntry()
    {
        var run = SampleRuns.Rag();
        var entries = _formatter.FormatTrace(run.Events);

        var streamed = run.Events.Select(_formatter.FormatEvent).OfType<RagflowTraceEntry>().ToList();

        Assert.All(streamed, e => Assert.Single(e.Trace));
        Assert.Equal(entries.Select(e => e.Trace[0]), streamed.Select(e => e.Trace[0]));
    }

    [Theory]
    [InlineData(TraceEventType.WorkflowStarted)]
    [InlineData(TraceEventType.NodeStarted)]
    [InlineData(TraceEventType.LlmCallCompleted)]
    [InlineData(TraceEventType.MessageGenerated)]
    public void FormatEvent_NotAFinishedNode_GivesNothing(TraceEventType type)
    {
        Assert.Null(_formatter.FormatEvent(new TraceEvent { EventType = type, ComponentId = "x" }));
    }
}
