using System.Collections.Concurrent;
using System.Text.Json;
using AgentTrace.Domain.Agents.Definitions;
using Microsoft.Extensions.Options;

namespace AgentTrace.Domain.Agents.Catalog;

/// <summary>
/// The agents this server runs: loaded from a folder at start, then changed through the API. Every definition
/// in it is valid; a change that is not is refused with all its problems.
/// </summary>
public sealed class AgentCatalog(AgentValidator validator, IOptions<AgentsOptions> options)
{
    private readonly Lock _writeLock = new();
    private readonly ConcurrentDictionary<string, AgentDefinition> _agents = new(StringComparer.Ordinal);

    public IReadOnlyList<AgentDefinition> List() => [.. _agents.Values.OrderBy(a => a.Id, StringComparer.Ordinal)];

    public AgentDefinition? Get(string id) => _agents.GetValueOrDefault(id);

    /// <summary>Adds or replaces the agent <paramref name="id"/>; returns the problems instead when it is not valid.</summary>
    public (bool Created, IReadOnlyList<string> Problems) Put(string id, AgentDefinition definition)
    {
        var agent = definition with { Id = id };
        var problems = validator.Validate(agent);
        if (problems.Count > 0)
        {
            return (false, problems);
        }

        lock (_writeLock)
        {
            var created = !_agents.ContainsKey(id);
            if (created && _agents.Count >= options.Value.MaxAgents)
            {
                return (false, [$"this server already holds {options.Value.MaxAgents} agents ({AgentsOptions.Section}:MaxAgents); delete one first"]);
            }

            _agents[id] = agent;
            return (created, []);
        }
    }

    public bool Delete(string id) => _agents.TryRemove(id, out _);

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

            var (_, found) = Put(definition.Id ?? Path.GetFileNameWithoutExtension(file), definition);
            problems.AddRange(found.Select(p => $"{name}: {p}"));
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"the agent definitions in {folder} are not valid:\n- " + string.Join("\n- ", problems));
        }
    }
}
