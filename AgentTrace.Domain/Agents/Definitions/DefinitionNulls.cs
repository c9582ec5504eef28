namespace AgentTrace.Domain.Agents.Definitions;

/// <summary>
/// Finds the nulls a JSON definition can hold where an item is expected (a component, a category, a tool, a name in a
/// list), which the rest of the validation and the runtime may then take for granted.
/// </summary>
internal static class DefinitionNulls
{
    public static IEnumerable<string> Problems(AgentDefinition agent)
    {
        foreach (var (id, component) in agent.Components)
        {
            if (component is null)
            {
                yield return $"component '{id}' must be an object, not null";
                continue;
            }

            foreach (var (field, items) in new[] { ("downstream", component.Downstream), ("knowledge_bases", component.KnowledgeBases), ("tools", component.Tools) })
            {
                if (items?.Any(item => item is null) == true)
                {
                    yield return $"component '{id}': {field} must hold names, not null";
                }
            }

            foreach (var (name, category) in component.Categories ?? new Dictionary<string, CategoryDefinition>())
            {
                if (category is null)
                {
                    yield return $"component '{id}': category '{name}' must be an object, not null";
                }
                else if (category.Examples?.Any(example => example is null) == true)
                {
                    yield return $"component '{id}': category '{name}': examples must hold text, not null";
                }
            }
        }

        for (var i = 0; i < (agent.Tools?.Count ?? 0); i++)
        {
            if (agent.Tools![i] is null)
            {
                yield return $"tools[{i}] must be an object, not null";
            }
        }
    }
}
