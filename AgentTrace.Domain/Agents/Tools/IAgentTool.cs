using System.Text.Json;
using Microsoft.Extensions.AI;

namespace AgentTrace.Domain.Agents.Tools;

/// <summary>
/// A tool an <c>Agent</c> component may call. A call that the tool refuses throws <see cref="ToolRefusedException"/>
/// (the model is told and may go on); any other exception fails the component.
/// </summary>
public interface IAgentTool
{
    string Name { get; }

    /// <summary><c>builtin</c> or <c>webhook</c>.</summary>
    string ToolType { get; }

    /// <summary>What the model is told about the tool: name, description, argument schema.</summary>
    AIFunctionDeclaration Declaration { get; }

    Task<JsonElement> InvokeAsync(JsonElement arguments, CancellationToken cancellationToken = default);
}
