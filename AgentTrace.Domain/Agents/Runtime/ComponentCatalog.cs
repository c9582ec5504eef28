using System.Collections.Frozen;

namespace AgentTrace.Domain.Agents.Runtime;

/// <summary>The behaviour of each component type, from the components registered with the runtime.</summary>
public sealed class ComponentCatalog(IEnumerable<AgentComponent> components)
{
    private readonly FrozenDictionary<string, AgentComponent> _byType = components.ToFrozenDictionary(c => c.Type, StringComparer.Ordinal);

    public AgentComponent Of(string type) => _byType[type];
}
