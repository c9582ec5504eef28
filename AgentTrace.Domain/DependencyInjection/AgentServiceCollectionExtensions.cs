using AgentTrace.Domain.Agents;
using AgentTrace.Domain.Agents.Catalog;
using AgentTrace.Domain.Agents.Components;
using AgentTrace.Domain.Agents.Definitions;
using AgentTrace.Domain.Agents.Knowledge;
using AgentTrace.Domain.Agents.Llm;
using AgentTrace.Domain.Agents.Runtime;
using AgentTrace.Domain.Agents.Tools;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace AgentTrace.Domain.DependencyInjection;

public static class AgentServiceCollectionExtensions
{
    /// <summary>
    /// Registers the built-in agent runtime: catalog (loaded at start), knowledge bases, tools, the LLM provider
    /// (an <see cref="IChatClient"/> registered before this call wins) and the runner.
    /// </summary>
    public static IServiceCollection AddAgentTraceAgents(this IServiceCollection services)
    {
        services.AddValidatedOptions<AgentsOptions>(AgentsOptions.Section, o => o.Problems());
        services.AddValidatedOptions<LlmOptions>(LlmOptions.Section, o => o.Problems());

        services.AddSingleton<TokenCounter>();
        services.TryAddSingleton(sp => ChatClientFactory.Create(sp.GetRequiredService<IOptions<LlmOptions>>().Value, sp.GetRequiredService<TokenCounter>()));
        services.AddSingleton<AgentChatClient>();
        services.AddSingleton<KnowledgeBaseCatalog>();
        services.AddSingleton<ToolHttp>();
        services.AddSingleton<ToolCatalog>();
        services.AddSingleton(sp => new AgentValidator(sp.GetRequiredService<KnowledgeBaseCatalog>().Exists, sp.GetRequiredService<ToolCatalog>().BuiltInNames));
        services.AddSingleton<AgentCatalog>();
        services.AddHostedService<AgentCatalogLoader>();
        services.AddHostedService<AgentWarmup>();
        services.AddSingleton<RunRegistry>();
        services.AddSingleton<RunCancelRelay>();
        services.AddHostedService(sp => sp.GetRequiredService<RunCancelRelay>());
        services.AddSingleton<RunCanceller>();
        services.AddSingleton<AgentComponent, BeginComponent>();
        services.AddSingleton<AgentComponent, RetrievalComponent>();
        services.AddSingleton<AgentComponent, LlmComponent>();
        services.AddSingleton<AgentComponent, ToolLoopComponent>();
        services.AddSingleton<AgentComponent, CategorizeComponent>();
        services.AddSingleton<AgentComponent, MessageComponent>();
        services.AddSingleton<ComponentCatalog>();
        services.AddSingleton<AgentServices>();
        services.AddSingleton<AgentRunner>();
        return services;
    }
}
