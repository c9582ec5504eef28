using System.Globalization;
using System.Text.Json;
using AgentTrace.Domain.Model;

namespace AgentTrace.Domain.Agents.Definitions;

/// <summary>
/// Checks an agent definition and lists every problem at once, each naming the component and the field:
/// unknown types, downstream ids, tools and knowledge bases, bad references and ranges, unreachable
/// components, and cycles with no way out.
/// </summary>
/// <param name="isKnowledgeBase">Whether a knowledge base of that name exists.</param>
/// <param name="builtInTools">The names of the built-in tools.</param>
public sealed class AgentValidator(Func<string, bool> isKnowledgeBase, IReadOnlySet<string> builtInTools)
{
    private readonly Func<string, bool> _isKnowledgeBase = isKnowledgeBase;
    private readonly IReadOnlySet<string> _builtInTools = builtInTools;

    public const int MaxTopK = 100;
    public const int MaxRounds = 50;
    public const double MaxTimeoutSeconds = 3600;
    public const int MaxComponents = 200;
    public const int MaxTools = 64;

    public IReadOnlyList<string> Validate(AgentDefinition agent)
    {
        var problems = DefinitionNulls.Problems(agent).ToList();
        if (problems.Count > 0)
        {
            return problems;
        }

        if (agent.Id is not null && TraceIds.Problem("id", agent.Id) is { } idProblem)
        {
            problems.Add(idProblem);
        }

        if (agent.Components.Count > MaxComponents)
        {
            problems.Add($"components: there are {agent.Components.Count}; an agent may have at most {MaxComponents}");
        }

        if (agent.Tools is { Count: > MaxTools })
        {
            problems.Add($"tools: there are {agent.Tools.Count}; an agent may declare at most {MaxTools}");
        }

        var begins = agent.Components.Where(c => c.Value.Type == ComponentTypes.Begin).Select(c => c.Key).ToList();
        if (begins.Count != 1)
        {
            problems.Add(begins.Count == 0
                ? "components: there is no Begin component; an agent needs exactly one"
                : $"components: there are {begins.Count} Begin components ({string.Join(", ", begins)}); an agent needs exactly one");
        }

        var webhooks = CheckTools(agent.Tools ?? [], problems);
        var graph = new AgentGraph(agent);
        foreach (var (id, component) in agent.Components)
        {
            new ComponentCheck(this, agent, graph, webhooks, id, component, problems).Run();
        }

        if (graph.Begin is not null)
        {
            problems.AddRange(agent.Components.Keys.Where(id => !graph.IsReachable(id))
                .Select(id => $"component '{id}': no path leads to it from Begin component '{graph.Begin}', so it never runs"));
        }

        foreach (var cycle in graph.Cycles().Where(cycle => !HasExit(agent, cycle)))
        {
            problems.Add($"components {string.Join(" → ", cycle.Append(cycle[0]))} form a cycle with no exit: add a Categorize component to it with a category that leads out of it");
        }

        return problems;
    }

    private static bool HasExit(AgentDefinition agent, IReadOnlyList<string> cycle) =>
        cycle.Any(id => agent.Components[id] is { Type: ComponentTypes.Categorize, Categories: { } categories }
            && categories.Values.Any(c => agent.Components.ContainsKey(c.To) && !cycle.Contains(c.To)));

    private HashSet<string> CheckTools(IReadOnlyList<WebhookToolDefinition> tools, List<string> problems)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < tools.Count; i++)
        {
            var tool = tools[i];
            var at = $"tools[{i}] ('{tool.Name}')";
            if (!ToolNames.IsValid(tool.Name))
            {
                problems.Add($"{at}: name must be 1 to 64 letters, digits, '_' or '-'");
            }
            else if (_builtInTools.Contains(tool.Name))
            {
                problems.Add($"{at}: name is taken by a built-in tool; choose another");
            }
            else if (!names.Add(tool.Name))
            {
                problems.Add($"{at}: name is declared twice");
            }

            if (!Uri.TryCreate(tool.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            {
                problems.Add($"{at}: url must be an absolute http or https URL (is '{tool.Url}')");
            }

            if (tool.TimeoutSeconds is { } timeout && timeout is not (> 0 and <= MaxTimeoutSeconds))
            {
                problems.Add($"{at}: timeout_seconds must be more than 0 and at most {MaxTimeoutSeconds} (is {Number(timeout)})");
            }

            if (tool.Parameters is { } schema && schema.ValueKind != JsonValueKind.Object)
            {
                problems.Add($"{at}: parameters must be a JSON schema object");
            }
        }

        return names;
    }

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The checks of one component.</summary>
    private sealed class ComponentCheck(
        AgentValidator validator, AgentDefinition agent, AgentGraph graph, HashSet<string> webhooks, string id, ComponentDefinition component, List<string> problems)
    {
        public void Run()
        {
            if (TraceIds.Problem("component id", id) is { } idProblem)
            {
                Add("id", idProblem);
            }

            if (!ComponentTypes.IsKnown(component.Type))
            {
                Add("type", $"'{component.Type}' is not a component type; known types are {string.Join(", ", ComponentTypes.All)}");
                return;
            }

            CheckFieldsApply();
            CheckDownstream();
            CheckRanges();
            CheckByType();
            CheckReferences();
        }

        private void Add(string field, string problem) => problems.Add($"component '{id}' ({component.Type}), field '{field}': {problem}");

        private void CheckFieldsApply()
        {
            var allowed = ComponentTypes.FieldsOf(component.Type);
            foreach (var (field, isSet) in SetFields())
            {
                if (isSet && !allowed.Contains(field))
                {
                    Add(field, $"does not apply to a {component.Type} component");
                }
            }
        }

        private IEnumerable<(string Field, bool IsSet)> SetFields() =>
        [
            ("query", component.Query is not null),
            ("knowledge_bases", component.KnowledgeBases is not null),
            ("top_k", component.TopK is not null),
            ("similarity_threshold", component.SimilarityThreshold is not null),
            ("system_prompt", component.SystemPrompt is not null),
            ("prompt", component.Prompt is not null),
            ("temperature", component.Temperature is not null),
            ("max_tokens", component.MaxTokens is not null),
            ("tools", component.Tools is not null),
            ("max_rounds", component.MaxRounds is not null),
            ("categories", component.Categories is not null),
            ("content", component.Content is not null),
        ];

        private void CheckDownstream()
        {
            foreach (var next in component.Downstream ?? [])
            {
                if (!agent.Components.ContainsKey(next))
                {
                    Add("downstream", $"'{next}' is not a component of this agent");
                }
                else if (next == id)
                {
                    Add("downstream", "a component cannot hand over to itself");
                }
                else if (agent.Components[next].Type == ComponentTypes.Begin)
                {
                    Add("downstream", $"'{next}' is the Begin component, which only starts a run");
                }
            }
        }

        private void CheckRanges()
        {
            if (component.TimeoutSeconds is { } timeout && timeout is not (> 0 and <= MaxTimeoutSeconds))
            {
                Add("timeout_seconds", $"must be more than 0 and at most {MaxTimeoutSeconds} (is {Number(timeout)})");
            }

            if (component.Temperature is { } temperature && temperature is not (>= 0 and <= 2))
            {
                Add("temperature", $"must be from 0 to 2 (is {Number(temperature)})");
            }

            if (component.MaxTokens is { } maxTokens && maxTokens is < 1 or > 1_000_000)
            {
                Add("max_tokens", $"must be from 1 to 1000000 (is {maxTokens})");
            }

            if (component.TopK is { } topK && topK is < 1 or > MaxTopK)
            {
                Add("top_k", $"must be from 1 to {MaxTopK} (is {topK})");
            }

            if (component.SimilarityThreshold is { } threshold && threshold is not (>= 0 and <= 1))
            {
                Add("similarity_threshold", $"must be from 0 to 1 (is {Number(threshold)})");
            }

            if (component.MaxRounds is { } rounds && rounds is < 1 or > MaxRounds)
            {
                Add("max_rounds", $"must be from 1 to {MaxRounds} (is {rounds})");
            }
        }

        private void CheckByType()
        {
            switch (component.Type)
            {
                case ComponentTypes.Retrieval when component.KnowledgeBases is not { Count: > 0 }:
                    Add("knowledge_bases", "name at least one knowledge base");
                    break;
                case ComponentTypes.Retrieval:
                    foreach (var kb in component.KnowledgeBases.Where(kb => !validator._isKnowledgeBase(kb)))
                    {
                        Add("knowledge_bases", $"'{kb}' is not a knowledge base of this server");
                    }

                    break;
                case ComponentTypes.Agent when component.Tools is not { Count: > 0 }:
                    Add("tools", "name at least one tool");
                    break;
                case ComponentTypes.Agent:
                    foreach (var tool in component.Tools.Where(t => !validator._builtInTools.Contains(t) && !webhooks.Contains(t)))
                    {
                        Add("tools", $"'{tool}' is neither a built-in tool ({string.Join(", ", validator._builtInTools.Order(StringComparer.Ordinal))}) nor a tool declared in this agent's tools");
                    }

                    break;
                case ComponentTypes.Categorize:
                    CheckCategories();
                    break;
                case ComponentTypes.Message when string.IsNullOrWhiteSpace(component.Content):
                    Add("content", "a Message needs the text to answer with, e.g. {llm_0.content}");
                    break;
            }
        }

        private void CheckCategories()
        {
            if (component.Downstream is { Count: > 0 })
            {
                Add("downstream", "a Categorize component hands over through its categories' 'to', not downstream");
            }

            if (component.Categories is not { Count: > 0 })
            {
                Add("categories", "name at least one category");
                return;
            }

            foreach (var (name, category) in component.Categories)
            {
                if (!agent.Components.ContainsKey(category.To))
                {
                    Add($"categories.{name}.to", $"'{category.To}' is not a component of this agent");
                }
                else if (category.To == id)
                {
                    Add($"categories.{name}.to", "a component cannot hand over to itself");
                }
            }
        }

        private void CheckReferences()
        {
            foreach (var (field, text) in new[] { ("query", component.Query), ("system_prompt", component.SystemPrompt), ("prompt", component.Prompt), ("content", component.Content) })
            {
                foreach (var reference in ParameterTemplate.References(text))
                {
                    if (ReferenceProblem(reference) is { } problem)
                    {
                        Add(field, $"{reference}: {problem}");
                    }
                }
            }
        }

        private string? ReferenceProblem(ParameterReference reference)
        {
            if (reference.Source == ParameterReference.System)
            {
                return ParameterReference.SystemFields.Contains(reference.Field)
                    ? null
                    : $"sys has {string.Join(", ", ParameterReference.SystemFields)}";
            }

            if (!agent.Components.TryGetValue(reference.Source, out var source))
            {
                return $"'{reference.Source}' is not a component of this agent";
            }

            if (!graph.Reaches(reference.Source, id))
            {
                return $"'{reference.Source}' does not run before this component";
            }

            return ComponentTypes.IsKnown(source.Type) && ComponentTypes.OutputsOf(source.Type) is { } outputs && !outputs.Contains(reference.Field)
                ? $"a {source.Type} component has the outputs {string.Join(", ", outputs)}"
                : null;
        }
    }
}
