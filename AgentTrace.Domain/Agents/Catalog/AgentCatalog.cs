using System.Collections.Concurrent;
using System.Text.Json;
using AgentTrace.Domain.Agents.Definitions;
using Microsoft.Extensions.Options;

namespace AgentTrace.Domain.Agents.Catalog;

/// <summary>What deleting an agent did.</summary>
public enum AgentDeleteOutcome
{
    Deleted,
    NotFound,

    /// <summary>The agent comes from the agents folder, shared by every tenant, and is changed there.</summary>
    Shared,
}

/// <summary>
/// The agents this server runs. Those of the agents folder, loaded at start, are shared by every tenant; a tenant
/// adds its own through the API, and one of its own with the id of a shared agent takes that agent's place for the
/// tenant alone. No tenant sees or changes another tenant's agents. Every definition in it is valid; a change that
/// is not is refused with all its problems.
/// </summary>
public sealed class AgentCatalog(AgentValidator validator, IOptions<AgentsOptions> options)
{
    /// <summary>What a tenant without agents of its own has; never written to.</summary>
    private static readonly ConcurrentDictionary<string, AgentDefinition> s_none = new(StringComparer.Ordinal);

    private readonly Lock _writeLock = new();
    private readonly ConcurrentDictionary<string, AgentDefinition> _shared = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, AgentDefinition>> _tenants = new(StringComparer.Ordinal);

    /// <summary>The agents <paramref name="tenantId"/> runs, by id: its own and the shared ones it has not replaced.</summary>
    public IReadOnlyList<AgentDefinition> List(string tenantId)
    {
        var own = Own(tenantId);
        return [.. own.Values.Concat(_shared.Values.Where(a => !own.ContainsKey(a.Id!))).OrderBy(a => a.Id, StringComparer.Ordinal)];
    }

    public AgentDefinition? Get(string tenantId, string id) => Own(tenantId).GetValueOrDefault(id) ?? _shared.GetValueOrDefault(id);

    /// <summary>
    /// Adds or replaces the tenant's agent <paramref name="id"/>; <c>Created</c> when the tenant had no agent of that
    /// id before. Returns the problems instead when the definition is not valid.
    /// </summary>
    public (bool Created, IReadOnlyList<string> Problems) Put(string tenantId, string id, AgentDefinition definition)
    {
        var agent = definition with { Id = id };
        var problems = validator.Validate(agent);
        if (problems.Count > 0)
        {
            return (false, problems);
        }

        lock (_writeLock)
        {
            var own = _tenants.GetOrAdd(tenantId, _ => new ConcurrentDictionary<string, AgentDefinition>(StringComparer.Ordinal));
            var created = Get(tenantId, id) is null;
            if (!own.ContainsKey(id) && own.Count >= options.Value.MaxAgents)
            {
                return (false, [$"this tenant already has {options.Value.MaxAgents} agents of its own ({AgentsOptions.Section}:MaxAgents); delete one first"]);
            }

            own[id] = agent;
            return (created, []);
        }
    }

    /// <summary>Deletes the tenant's own agent <paramref name="id"/>; a shared agent it replaced is its agent again.</summary>
    public AgentDeleteOutcome Delete(string tenantId, string id) =>
        Own(tenantId).TryRemove(id, out _) ? AgentDeleteOutcome.Deleted
        : _shared.ContainsKey(id) ? AgentDeleteOutcome.Shared
        : AgentDeleteOutcome.NotFound;

    /// <summary>
    /// Loads every <c>*.json</c> file of <paramref name="folder"/> (the agent id is the file's <c>id</c>, else its
    /// name). Throws with every problem of every file when any is invalid, so a bad folder stops start-up.
    /// </summary>
    public void LoadFolder(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new InvalidOperationException($"{AgentsOptions.Section}:Path: the agents folder {folder} does not exist");
        }

        var problems = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            AgentDefinition? definition;
            try
            {
                definition = JsonSerializer.Deserialize(File.ReadAllText(file), AgentJsonContext.Default.AgentDefinition);
            }
            catch (JsonException ex)
            {
                problems.Add($"{name}: {ex.Message}");
                continue;
            }

            if (definition is null)
            {
                problems.Add($"{name}: the file holds null, not an agent");
                continue;
            }

            var agent = definition with { Id = definition.Id ?? Path.GetFileNameWithoutExtension(file) };
            var found = validator.Validate(agent);
            problems.AddRange(found.Select(p => $"{name}: {p}"));
            if (found.Count == 0)
            {
                _shared[agent.Id!] = agent;
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"the agent definitions in {folder} are not valid:\n- " + string.Join("\n- ", problems));
        }
    }

    private ConcurrentDictionary<string, AgentDefinition> Own(string tenantId) =>
        _tenants.GetValueOrDefault(tenantId) ?? s_none;
}
