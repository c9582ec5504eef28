using System.Text.RegularExpressions;

namespace AgentTrace.Domain.Agents.Definitions;

/// <summary>The rule for tool names: what model APIs accept as a function name.</summary>
public static partial class ToolNames
{
    public static bool IsValid(string? name) => name is not null && Name().IsMatch(name);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex Name();
}
