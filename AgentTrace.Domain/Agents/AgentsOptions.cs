using System.Globalization;

namespace AgentTrace.Domain.Agents;

/// <summary>
/// The built-in agent runtime (<c>AgentTrace:Agents</c>). Relative paths are under the application's folder,
/// where the demo agents and their knowledge base are shipped.
/// </summary>
public sealed class AgentsOptions
{
    public const string Section = "AgentTrace:Agents";

    /// <summary>Folder of agent definitions (<c>*.json</c>) loaded at start.</summary>
    public string Path { get; set; } = "demo/agents";

    /// <summary>Folder whose sub-folders are the knowledge bases, one per sub-folder.</summary>
    public string KnowledgePath { get; set; } = "demo/knowledge";

    /// <summary>Agents one tenant may add through the API (the agents folder's shared agents do not count).</summary>
    public int MaxAgents { get; set; } = 1000;

    /// <summary>How long a component may run when its definition sets no timeout.</summary>
    public double ComponentTimeoutSeconds { get; set; } = 120;

    /// <summary>How often one component may run in one run (bounds loops).</summary>
    public int MaxComponentRuns { get; set; } = 10;

    /// <summary>Agent runs in progress at once on this server.</summary>
    public int MaxConcurrentRuns { get; set; } = 256;

    /// <summary>Conversations kept in memory with the embedded store; the least recently used is forgotten first (Redis expires them instead).</summary>
    public int MaxConversations { get; set; } = 10_000;

    /// <summary>Messages of a conversation's history given to the LLM.</summary>
    public int MaxHistoryMessages { get; set; } = 20;

    /// <summary>Hosts the built-in <c>http_get</c> tool may call; any other host is refused.</summary>
    public List<string> HttpGetAllowedHosts { get; set; } = [];

    /// <summary>Timeout of <c>http_get</c> and of webhook tools that set none.</summary>
    public double ToolTimeoutSeconds { get; set; } = 15;

    public string AgentsFolder => System.IO.Path.GetFullPath(Path, AppContext.BaseDirectory);

    public string KnowledgeFolder => System.IO.Path.GetFullPath(KnowledgePath, AppContext.BaseDirectory);

    public IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(Path))
        {
            yield return $"{Section}:Path must not be empty";
        }

        if (string.IsNullOrWhiteSpace(KnowledgePath))
        {
            yield return $"{Section}:KnowledgePath must not be empty";
        }

        if (ComponentTimeoutSeconds is not (> 0 and <= 3600))
        {
            yield return $"{Section}:ComponentTimeoutSeconds must be more than 0 and at most 3600 (is {Text(ComponentTimeoutSeconds)})";
        }

        if (ToolTimeoutSeconds is not (> 0 and <= 300))
        {
            yield return $"{Section}:ToolTimeoutSeconds must be more than 0 and at most 300 (is {Text(ToolTimeoutSeconds)})";
        }

        if (MaxAgents is < 1 or > 1_000_000)
        {
            yield return $"{Section}:MaxAgents must be from 1 to 1000000 (is {MaxAgents})";
        }

        if (MaxComponentRuns is < 1 or > 1000)
        {
            yield return $"{Section}:MaxComponentRuns must be from 1 to 1000 (is {MaxComponentRuns})";
        }

        if (MaxConcurrentRuns is < 1 or > 100_000)
        {
            yield return $"{Section}:MaxConcurrentRuns must be from 1 to 100000 (is {MaxConcurrentRuns})";
        }

        if (MaxConversations is < 1 or > 10_000_000)
        {
            yield return $"{Section}:MaxConversations must be from 1 to 10000000 (is {MaxConversations})";
        }

        if (MaxHistoryMessages is < 0 or > 1000)
        {
            yield return $"{Section}:MaxHistoryMessages must be from 0 to 1000 (is {MaxHistoryMessages})";
        }

        foreach (var host in HttpGetAllowedHosts.Where(h => Uri.CheckHostName(h) == UriHostNameType.Unknown))
        {
            yield return $"{Section}:HttpGetAllowedHosts has '{host}', which is not a host name";
        }
    }

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
