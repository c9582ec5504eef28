using System.Collections.Frozen;
using AgentTrace.Domain.Agents.Definitions;
using Microsoft.Extensions.Options;

namespace AgentTrace.Domain.Agents.Tools;

/// <summary>The built-in tools by name, and the tools of one agent (built-in plus its webhooks).</summary>
public sealed class ToolCatalog(ToolHttp http, TimeProvider clock, IOptions<AgentsOptions> options)
{
    private readonly FrozenDictionary<string, IAgentTool> _builtIn = new IAgentTool[]
    {
        new CalculatorTool(),
        new CurrentTimeTool(clock),
        new HttpGetTool(http, options),
    }.ToFrozenDictionary(t => t.Name, StringComparer.Ordinal);

    public IReadOnlySet<string> BuiltInNames => field ??= _builtIn.Keys.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The tools an agent's components may call, by name.</summary>
    public IReadOnlyDictionary<string, IAgentTool> For(AgentDefinition agent)
    {
        var tools = new Dictionary<string, IAgentTool>(_builtIn, StringComparer.Ordinal);
        foreach (var webhook in agent.Tools ?? [])
        {
            tools[webhook.Name] = new WebhookTool(webhook, http, TimeSpan.FromSeconds(options.Value.ToolTimeoutSeconds));
        }

        return tools;
    }
}
