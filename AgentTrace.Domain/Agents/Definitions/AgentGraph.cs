namespace AgentTrace.Domain.Agents.Definitions;

/// <summary>
/// The edges of an agent's components (downstream lists and category targets; edges to unknown ids are left
/// out), with reachability and the cycles, for validation and for the runner's scheduling.
/// </summary>
public sealed class AgentGraph
{
    private readonly Dictionary<string, IReadOnlyList<string>> _next = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _reach = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _order = new(StringComparer.Ordinal);

    public AgentGraph(AgentDefinition definition)
    {
        foreach (var (id, component) in definition.Components)
        {
            _next[id] = [.. Targets(component).Where(definition.Components.ContainsKey).Distinct(StringComparer.Ordinal)];
        }

        foreach (var id in _next.Keys)
        {
            _reach[id] = Walk(id);
        }

        Begin = definition.Components.FirstOrDefault(c => c.Value.Type == ComponentTypes.Begin).Key;
        var index = 0;
        foreach (var id in Begin is null ? [] : Preorder(Begin))
        {
            _order[id] = index++;
        }
    }

    /// <summary>The id of the (first) Begin component, or null when there is none.</summary>
    public string? Begin { get; }

    /// <summary>Every component the given one may hand over to.</summary>
    public IReadOnlyList<string> Next(string id) => _next[id];

    /// <summary>True when a path of one or more edges leads from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public bool Reaches(string from, string to) => _reach[from].Contains(to);

    /// <summary>True when the component can be reached from Begin.</summary>
    public bool IsReachable(string id) => _order.ContainsKey(id);

    /// <summary>Position in a depth-first walk from Begin: earlier components win ties when scheduling.</summary>
    public int OrderOf(string id) => _order.GetValueOrDefault(id, int.MaxValue);

    /// <summary>The groups of components that lead back to one another (each a cycle), in walk order.</summary>
    public IEnumerable<IReadOnlyList<string>> Cycles()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in _next.Keys.OrderBy(OrderOf))
        {
            if (seen.Contains(id) || !Reaches(id, id))
            {
                continue;
            }

            var cycle = _next.Keys.Where(other => other == id || (Reaches(id, other) && Reaches(other, id))).OrderBy(OrderOf).ToList();
            seen.UnionWith(cycle);
            yield return cycle;
        }
    }

    /// <summary>The edges named by a component: its downstream list and its categories' targets.</summary>
    public static IEnumerable<string> Targets(ComponentDefinition component) =>
        (component.Downstream ?? []).Concat(component.Categories?.Values.Select(c => c.To) ?? []);

    private HashSet<string> Walk(string from)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>(_next[from]);
        while (stack.TryPop(out var id))
        {
            if (found.Add(id))
            {
                foreach (var next in _next[id])
                {
                    stack.Push(next);
                }
            }
        }

        return found;
    }

    private List<string> Preorder(string from)
    {
        var order = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        stack.Push(from);
        while (stack.TryPop(out var id))
        {
            if (!seen.Add(id))
            {
                continue;
            }

            order.Add(id);
            foreach (var next in _next[id].Reverse())
            {
                stack.Push(next);
            }
        }

        return order;
    }
}
