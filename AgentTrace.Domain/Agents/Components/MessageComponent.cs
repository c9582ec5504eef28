using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AgentTrace.Domain.Agents.Definitions;
using AgentTrace.Domain.Agents.Runtime;
using AgentTrace.Domain.Model;

namespace AgentTrace.Domain.Agents.Components;

/// <summary>Writes its content to the answer, word by word, and records it as <c>message_generated</c>.</summary>
public sealed partial class MessageComponent : AgentComponent
{
    public override string Type => ComponentTypes.Message;

    public override JsonObject Inputs(ComponentRun component) =>
        new() { ["content"] = component.Run.Render(component.Definition.Content!) };

    public override string Thoughts(ComponentRun component, JsonObject inputs) => "Writing the answer";

    public override async Task<ComponentResult> RunAsync(ComponentRun component, JsonObject inputs, CancellationToken cancellationToken)
    {
        var content = inputs["content"]!.GetValue<string>();
        await component.Run.WriteAnswerAsync(component.Id, component.StartedEventId, Piece().Matches(content).Select(m => m.Value), cancellationToken).ConfigureAwait(false);
        var outputs = new JsonObject { ["content"] = content };
        await component.Scope.RecordAsync(new TraceEvent
        {
            EventType = TraceEventType.MessageGenerated,
            Outputs = Json.Element(outputs),
        }, cancellationToken).ConfigureAwait(false);
        return new ComponentResult(outputs);
    }

    [GeneratedRegex(@"\s*\S+")]
    private static partial Regex Piece();
}
