using System.Text.Json.Nodes;

namespace AgentTrace.Domain.Agents.Runtime;

/// <summary>The behaviour of one component type. Instances are stateless and shared by all runs.</summary>
public abstract class AgentComponent
{
    /// <summary>The component <c>type</c> of agent definitions this behaviour runs (see <c>ComponentTypes</c>).</summary>
    public abstract string Type { get; }

    /// <summary>The component's inputs with their references filled in, as recorded on its node events.</summary>
    public abstract JsonObject Inputs(ComponentRun component);

    /// <summary>What the component is about to do, in words (the node's <c>thoughts</c>).</summary>
    public abstract string Thoughts(ComponentRun component, JsonObject inputs);

    public abstract Task<ComponentResult> RunAsync(ComponentRun component, JsonObject inputs, CancellationToken cancellationToken);
}
