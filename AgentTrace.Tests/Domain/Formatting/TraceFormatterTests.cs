using System.Text.Json.Nodes;
using AgentTrace.Domain.Analysis;
using AgentTrace.Domain.DependencyInjection;
using AgentTrace.Domain.Formatting;
using AgentTrace.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AgentTrace.Tests.Domain.Formatting;

public sealed class TraceFormatterTests
{
    private readonly TraceFormatter _formatter = new(new StreamingTraceFormatter(), new CompactTraceFormatter(), new DetailedTraceFormatter(), new RagflowTraceFormatter());

    [Theory]
    [InlineData("streaming", TraceFormat.Streaming)]
    [InlineData("compact", TraceFormat.Compact)]
    [InlineData("detailed", TraceFormat.Detailed)]
    [InlineData("ragflow", TraceFormat.Ragflow)]
    [InlineData(" compact ", TraceFormat.Compact)]
    public void TryParseFormat_KnownName_GivesTheFormat(string text, TraceFormat expected)
    {
        Assert.True(TraceFormatter.TryParseFormat(text, out var format, out var problem));
        Assert.Equal(expected, format);
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("Compact")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParseFormat_UnknownName_ListsTheValidOnes(string? text)
    {
        Assert.False(TraceFormatter.TryParseFormat(text, out _, out var problem));
        Assert.Equal($"unknown format '{text}'; valid formats are streaming, compact, detailed, ragflow", problem);
    }

    [Fact]
    public void FormatTrace_EachFormat_GivesItsShape()
    {
        var run = SampleRuns.Rag();
        var session = run.Session();

        Assert.Equal(15, _formatter.FormatTrace(TraceFormat.Streaming, session, run.Events)["events"]!.AsArray().Count);
        Assert.Equal(15, _formatter.FormatTrace(TraceFormat.Compact, session, run.Events)["timeline"]!.AsArray().Count);
        Assert.Single(_formatter.FormatTrace(TraceFormat.Detailed, session, run.Events)["llm_calls"]!.AsArray());
        var ragflow = Assert.IsType<JsonArray>(_formatter.FormatTrace(TraceFormat.Ragflow, session, run.Events));
        Assert.Equal(4, ragflow.Count);
    }

    [Fact]
    public void FormatEvent_EachFormat_GivesOneStreamItem()
    {
        var run = SampleRuns.Rag();
        var session = run.Session();
        var completion = run.Events[9];

        Assert.Equal(165, _formatter.FormatEvent(TraceFormat.Streaming, session, completion)!["total_tokens"]!.GetValue<int>());
        Assert.Equal("gpt-4o 120→45 tokens", _formatter.FormatEvent(TraceFormat.Compact, session, completion)!["detail"]!.GetValue<string>());
        Assert.Equal(165, _formatter.FormatEvent(TraceFormat.Detailed, session, completion)!["llm"]!["total_tokens"]!.GetValue<int>());
        Assert.Null(_formatter.FormatEvent(TraceFormat.Ragflow, session, completion));
        Assert.Equal("llm_0", _formatter.FormatEvent(TraceFormat.Ragflow, session, run.Events[10])!["component_id"]!.GetValue<string>());
    }

    [Fact]
    public void AddAgentTraceDomain_Registers_FormatterAndAnalyzerAsSingletons()
    {
        using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddLogging()
            .AddAgentTraceDomain()
            .BuildServiceProvider();

        Assert.Same(services.GetRequiredService<TraceFormatter>(), services.GetRequiredService<TraceFormatter>());
        Assert.Same(services.GetRequiredService<TraceAnalyzer>(), services.GetRequiredService<TraceAnalyzer>());
    }
}
