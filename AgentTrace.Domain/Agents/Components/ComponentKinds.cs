using System.Collections.Frozen;
using AgentTrace.Domain.Agents.Definitions;

namespace AgentTrace.Domain.Agents.Components;

/// <summary>The behaviour of each component type.</summary>
public static class ComponentKinds
{
    private static readonly FrozenDictionary<string, AgentComponent> s_kinds = new Dictionary<string, AgentComponent>
    {
        [ComponentTypes.Begin] = new BeginComponent(),
        [ComponentTypes.Retrieval] = new RetrievalComponent(),
        [ComponentTypes.Llm] = new LlmComponent(),
        [ComponentTypes.Agent] = new ToolLoopComponent(),
        [ComponentTypes.Categorize] = new CategorizeComponent(),
        [ComponentTypes.Message] = new MessageComponent(),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static AgentComponent Of(string type) => s_kinds[type];
}
