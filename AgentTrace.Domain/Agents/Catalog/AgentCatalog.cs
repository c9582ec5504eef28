using System.Collections.Concurrent;
using System.Text.Json;
using AgentTrace.Domain.Agents.Definitions;
using AgentTrace.Domain.Serialization;
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
/// The agents tenants run. Those of the agents folder, loaded at start, are shared by every tenant; a tenant adds its
/// own through the API (kept in <see cref="IAgentStore"/>), and one of its own with the id of a shared agent takes that
/// agent's place for the tenant alone. No tenant sees or changes another tenant's agents. Every definition in it is
/// valid; a change that is not is refused with all its problems.
/// </summary>
public sealed class AgentCatalog(AgentValidator validator, IAgentStore store, IOptions<AgentsOptions> options)
{
    private readonly ConcurrentDictionary<string, AgentDefinition> _shared = new(StringComparer.Ordinal);

    /// <summary>The agents <paramref name="tenantId"/> runs, by id: its own and the shared ones it has not replaced.</summary>
    public async Task<IReadOnlyList<AgentDefinition>> ListAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        var own = await store.ListAsync(tenantId, cancellationToken).ConfigureAwait(false);
        var ownIds = own.Select(a => a.Id!).ToHashSet(StringComparer.Ordinal);
        return [.. own.Concat(_shared.Values.Where(a => !ownIds.Contains(a.Id!))).OrderBy(a => a.Id, StringComparer.Ordinal)];
    }

    public async Task<AgentDefinition?> GetAsync(string tenantId, string id, CancellationToken cancellationToken = default) =>
        await store.GetAsync(tenantId, id, cancellationToken).ConfigureAwait(false) ?? _shared.GetValueOrDefault(id);

    /// <summary>
    /// Adds or replaces the tenant's agent <paramref name="id"/>; <c>Created</c> when the tenant had no agent of that
    /// id before. Returns the problems instead when the definition is not valid.
    /// </summary>
    public async Task<(bool Created, IReadOnlyList<string> Problems)> PutAsync(string tenantId, string id, AgentDefinition definition, CancellationToken cancellationToken = default)
    {
        var agent = definition with { Id = id };
        var problems = validator.Validate(agent);
        if (problems.Count > 0)
        {
            return (false, problems);
        }

        var max = options.Value.MaxAgents;
        return await store.PutAsync(tenantId, agent, max, cancellationToken).ConfigureAwait(false) switch
        {
            AgentPutOutcome.TooMany => (false, [$"this tenant already has {max} agents of its own ({AgentsOptions.Section}:MaxAgents); delete one first"]),
            AgentPutOutcome.Added => (!_shared.ContainsKey(id), []),
            _ => (false, []),
        };
    }

    /// <summary>Deletes the tenant's own agent <paramref name="id"/>; a shared agent it replaced is its agent again.</summary>
    public async Task<AgentDeleteOutcome> DeleteAsync(string tenantId, string id, CancellationToken cancellationToken = default) =>
        await store.DeleteAsync(tenantId, id, cancellationToken).ConfigureAwait(false) ? AgentDeleteOutcome.Deleted
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
                ReadOnlySpan<byte> json = File.ReadAllBytes(file);
                json = json.StartsWith("\uFEFF"u8) ? json[3..] : json;
                var reading = new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
                definition = Utf8JsonRepair.TryRepair(json, "$", reading, out var repaired, out _)
                    ? JsonSerializer.Deserialize(repaired, AgentJsonContext.Default.AgentDefinition)
                    : JsonSerializer.Deserialize(json, AgentJsonContext.Default.AgentDefinition);
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
}
