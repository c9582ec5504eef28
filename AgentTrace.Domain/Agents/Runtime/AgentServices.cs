using AgentTrace.Domain.Agents.Catalog;
using AgentTrace.Domain.Agents.Knowledge;
using AgentTrace.Domain.Agents.Llm;
using AgentTrace.Domain.Storage;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace AgentTrace.Domain.Agents.Runtime;

/// <summary>What components use while they run: the traced LLM, the knowledge bases, the trace store, the clock.</summary>
public sealed class AgentServices(AgentChatClient llm, KnowledgeBaseCatalog knowledge, ITraceReader traces, TimeProvider clock, IOptions<AgentsOptions> options)
{
    public IChatClient Llm => llm.Client;

    public KnowledgeBaseCatalog Knowledge => knowledge;

    public ITraceReader Traces => traces;

    public TimeProvider Clock => clock;

    public AgentsOptions Options => options.Value;
}
