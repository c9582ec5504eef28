using System.Text.Json;
using AgentTrace.Domain.Analysis;
using AgentTrace.Tests.Support;
using AgentTrace.Web.Components.Controls;
using AgentTrace.Web.Model;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace AgentTrace.Tests.Components;

public sealed class RawTraceViewTests : DashboardTest
{
    [Fact]
    public void Raw_Detailed_IsTheApiJsonWithEveryEvent()
    {
        var raw = Render<RawTraceView>(p => p.Add(x => x.View, View()));

        var json = JsonDocument.Parse(raw.Find("[data-test=raw-json]").TextContent).RootElement;
        Assert.Equal(SampleRuns.Rag().Events.Count, json.GetProperty("events").GetArrayLength());
    }

    [Fact]
    public void Raw_PickRagflow_ShowsOneEntryPerFinishedNode()
    {
        var raw = Render<RawTraceView>(p => p.Add(x => x.View, View()));

        raw.FindAll("[data-test=raw-format] .mud-toggle-item").Single(b => b.TextContent.Contains("ragflow")).Click();

        var json = JsonDocument.Parse(raw.Find("[data-test=raw-json]").TextContent).RootElement;
        Assert.Equal(JsonValueKind.Array, json.ValueKind);
        Assert.Equal(4, json.GetArrayLength());
    }

    [Fact]
    public void Raw_Download_SendsTheJsonAsAFile()
    {
        var raw = Render<RawTraceView>(p => p.Add(x => x.View, View()));

        raw.Find("[data-test=raw-download]").Click();

        var call = JSInterop.Invocations.Single(i => i.Identifier == "agentTrace.saveStream");
        Assert.Equal($"trace-{TraceBuilder.TaskId}-detailed.json", call.Arguments[0]);
    }

    private TraceView View()
    {
        var run = SampleRuns.Rag();
        return new TraceView(run.Session(), run.Events, Services.GetRequiredService<TraceAnalyzer>());
    }
}
