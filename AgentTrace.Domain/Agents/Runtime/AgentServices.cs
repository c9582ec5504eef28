using AgentTrace.Domain.Agents.Knowledge;
using AgentTrace.Domain.Agents.Llm;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace AgentTrace.Domain.Agents.Runtime;

/// <summary>What components use while they run: the traced LLM, the knowledge bases, the clock, the options.</summary>
public sealed class AgentServices(AgentChatClient llm, KnowledgeBaseCatalog knowledge, ComponentCatalog components, TimeProvider clock, IOptions<AgentsOptions> options)
{
    public ComponentCatalog Components => components;

    public IChatClient Llm => llm.Client;

    public KnowledgeBaseCatalog Knowledge => knowledge;

    public TimeProvider Clock => clock;

    public AgentsOptions Options => options.Value;
}
