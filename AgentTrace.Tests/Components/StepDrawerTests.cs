using AgentTrace.Domain.Analysis;
using AgentTrace.Domain.Model;
using AgentTrace.Tests.Support;
using AgentTrace.Web.Components.Controls;
using AgentTrace.Web.Model;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace AgentTrace.Tests.Components;

public sealed class StepDrawerTests : DashboardTest
{
    [Fact]
    public void Drawer_Retrieval_ShowsQuerySettingsAndChunksWithScores()
    {
        var drawer = Render<StepDrawer>(p => p.Add(x => x.Step, StepOfKind(SampleRuns.Rag(), SpanKind.Retrieval)));

        Assert.Contains("What is the refund policy?", drawer.Find("[data-test=step-query]").TextContent);
        Assert.Contains("kb_docs", drawer.Markup);
        var rows = drawer.FindAll("[data-test=step-chunks] tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Contains("refunds.md", rows[0].TextContent);
        Assert.Contains("0.82", rows[0].TextContent);
        Assert.DoesNotContain("0.820", rows[0].TextContent);
        Assert.Contains("Returned items must be unused.", rows[1].TextContent);
    }

    [Fact]
    public void Drawer_Tool_ShowsArgumentsResultAndError()
    {
        var drawer = Render<StepDrawer>(p => p.Add(x => x.Step, StepOfKind(DemoRuns.ToolAgent(failTool: true), SpanKind.Tool, last: true)));

        Assert.Contains("\"expression\": \"2340 * 0.17 + 12\"", drawer.Find("[data-test=step-arguments]").TextContent);
        Assert.Equal("calculator timed out after 250 ms", drawer.Find("[data-test=step-error]").TextContent.Trim());
        Assert.Empty(drawer.FindAll("[data-test=step-result]"));
    }

    [Fact]
    public void Drawer_LlmMessages_ShowsEachMessageAndTheParameters()
    {
        var drawer = Render<StepDrawer>(p => p.Add(x => x.Step, StepOfKind(DemoRuns.ToolAgent(), SpanKind.Llm)));

        var messages = drawer.FindAll("[data-test=step-messages] pre");
        Assert.Equal(["Decide whether the question needs a calculation. Answer 'math' or 'chat'.", "What is 17% of 2,340 plus 12?"], messages.Select(m => m.TextContent));
        Assert.Contains("58 prompt + 1 completion = 59", drawer.Markup);
        Assert.Contains("gpt-4o-mini", drawer.Markup);
        Assert.Contains("Max tokens", drawer.Markup);
    }

    [Fact]
    public void Drawer_MarkupInRecordedText_IsShownAsText()
    {
        var run = new TraceBuilder();
        run.StartWorkflow();
        run.StartNode("llm_0", "Answer", "LLM");
        run.Llm(0.1, new LlmPayload { ModelName = "m", Prompt = "<script>alert('x')</script><b>bold</b>", Response = "<img src=x onerror=alert(1)>" });
        run.FinishNode();
        run.FinishWorkflow();

        var drawer = Render<StepDrawer>(p => p.Add(x => x.Step, StepOfKind(run, SpanKind.Llm)));

        Assert.Empty(drawer.FindAll("script"));
        Assert.Empty(drawer.FindAll("b"));
        Assert.Empty(drawer.FindAll("img"));
        Assert.Equal("<script>alert('x')</script><b>bold</b>", drawer.Find("[data-test=step-prompt] pre").TextContent);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", drawer.Markup);
    }

    [Fact]
    public void Drawer_NoStep_ShowsNothing()
    {
        var drawer = Render<StepDrawer>();

        Assert.Empty(drawer.Markup.Trim());
    }

    private Step StepOfKind(TraceBuilder run, SpanKind kind, bool last = false)
    {
        var view = new TraceView(run.Session(), run.Events, Services.GetRequiredService<TraceAnalyzer>());
        var spans = view.Analysis.Spans.Where(s => s.Kind == kind);
        return view.StepOf(last ? spans.Last() : spans.First());
    }
}
