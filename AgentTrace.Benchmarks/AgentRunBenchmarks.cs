using AgentTrace.Domain.Agents.Catalog;
using AgentTrace.Domain.Agents.Components;
using AgentTrace.Domain.Agents.Definitions;
using AgentTrace.Domain.Agents.Knowledge;
using AgentTrace.Domain.Agents.Llm;
using AgentTrace.Domain.Agents.Llm.Offline;
using AgentTrace.Domain.Agents.Runtime;
using AgentTrace.Domain.DependencyInjection;
using AgentTrace.Domain.Model;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TraceLevel = AgentTrace.Domain.Model.TraceLevel;

namespace AgentTrace.Benchmarks;

/// <summary>
/// The cost of tracing on a whole run of the demo documentation agent (retrieval, one LLM call, answer) whose
/// model answers in about 1 ms. <c>Untraced</c> makes the same search and the same model call directly, with no
/// runner and no trace; <c>Traced</c> runs the agent through the runner at <see cref="Level"/>, from start to the
/// stored, completed trace. The ratio column is the cost of the runner and its tracing.
/// </summary>
[MemoryDiagnoser]
public class AgentRunBenchmarks
{
    private const string Question = "Which levels record thinking events?";

    private IHost _host = null!;
    private AgentRunner _runner = null!;
    private AgentDefinition _agent = null!;
    private ComponentDefinition _retrieval = null!;
    private ComponentDefinition _llm = null!;
    private KnowledgeBaseCatalog _knowledge = null!;
    private IChatClient _model = null!;

    [Params(TraceLevel.Minimal, TraceLevel.Standard, TraceLevel.Detailed)]
    public TraceLevel Level { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton<IChatClient>(sp => new OneMillisecondChatClient(new OfflineChatClient(sp.GetRequiredService<TokenCounter>())));
        builder.Services.AddAgentTraceDomain();
        _host = builder.Build();
        _host.StartAsync().GetAwaiter().GetResult();
        _runner = _host.Services.GetRequiredService<AgentRunner>();
        _agent = _host.Services.GetRequiredService<AgentCatalog>().GetAsync("bench", "doc-qa").GetAwaiter().GetResult()!;
        _retrieval = _agent.Components["retrieval_0"];
        _llm = _agent.Components["llm_0"];
        _knowledge = _host.Services.GetRequiredService<KnowledgeBaseCatalog>();
        _model = _host.Services.GetRequiredService<IChatClient>();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _host.StopAsync().GetAwaiter().GetResult();
        _host.Dispose();
    }

    [Benchmark(Baseline = true, Description = "Untraced: the same search and model call")]
    public async Task<string> Untraced()
    {
        var hits = _knowledge.Search(_retrieval.KnowledgeBases!, Question, _retrieval.TopK!.Value, _retrieval.SimilarityThreshold!.Value);
        var prompt = _llm.Prompt!.Replace("{retrieval_0.content}", RetrievalComponent.Content(hits), StringComparison.Ordinal)
            .Replace("{sys.query}", Question, StringComparison.Ordinal);
        var response = await _model.GetResponseAsync(
            [new ChatMessage(ChatRole.System, _llm.SystemPrompt), new ChatMessage(ChatRole.User, prompt)],
            new ChatOptions { Temperature = (float?)_llm.Temperature, MaxOutputTokens = _llm.MaxTokens });
        return response.Text;
    }

    [Benchmark(Description = "Traced run of the doc-qa agent")]
    public async Task<string> Traced()
    {
        var run = await _runner.StartAsync(_agent, new AgentRunRequest
        {
            TenantId = "bench",
            Question = Question,
            TraceLevel = Level,
            StreamLlm = false,
        }) ?? throw new InvalidOperationException("the runner refused the run");
        var result = await run.Completion;
        return result.Status == TraceStatus.Completed ? result.Answer : throw new InvalidOperationException(result.Error);
    }
}
