using System.Text.Json.Nodes;
using AgentTrace.Domain.Agents.Definitions;
using AgentTrace.Domain.Agents.Runtime;

namespace AgentTrace.Domain.Agents.Components;

/// <summary>Starts a run: its outputs are the question (<c>query</c>) and the request's inputs.</summary>
public sealed class BeginComponent : AgentComponent
{
    public override string Type => ComponentTypes.Begin;

    public override JsonObject Inputs(ComponentRun component)
    {
        var inputs = component.Run.Request.Inputs is { } values ? Json.Object(values) : [];
        inputs["query"] = component.Run.Request.Question;
        return inputs;
    }

    public override string Thoughts(ComponentRun component, JsonObject inputs) =>
        $"Starting with the question \"{component.Run.Request.Question}\"";

    public override Task<ComponentResult> RunAsync(ComponentRun component, JsonObject inputs, CancellationToken cancellationToken) =>
        Task.FromResult(new ComponentResult(inputs.DeepClone().AsObject()));
}
