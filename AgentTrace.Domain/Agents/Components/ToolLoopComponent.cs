using System.Globalization;
using System.Text.Json.Nodes;
using AgentTrace.Domain.Agents.Definitions;
using AgentTrace.Domain.Agents.Runtime;
using AgentTrace.Domain.Model;
using Microsoft.Extensions.AI;

namespace AgentTrace.Domain.Agents.Components;

/// <summary>
/// The <c>Agent</c> component: an LLM that may call tools, in rounds. Each round is a thinking span (recorded at
/// the detailed level and above) around one model call and the tool calls it asked for. The last round offers no
/// tools, so the model has to answer. Outputs <c>content</c> and <c>tool_calls</c>.
/// </summary>
public sealed class ToolLoopComponent : AgentComponent
{
    public override string Type => ComponentTypes.Agent;

    public const int DefaultMaxRounds = 5;

    public override JsonObject Inputs(ComponentRun component)
    {
        var inputs = LlmComponent.PromptInputs(component);
        inputs["tools"] = Json.Array(component.Definition.Tools!);
        return inputs;
    }

    public override string Thoughts(ComponentRun component, JsonObject inputs) =>
        $"Working on the question with the tools {string.Join(", ", component.Definition.Tools!)}, in at most {component.Definition.MaxRounds ?? DefaultMaxRounds} rounds";

    public override async Task<ComponentResult> RunAsync(ComponentRun component, JsonObject inputs, CancellationToken cancellationToken)
    {
        var definition = component.Definition;
        var tools = definition.Tools!.ToDictionary(name => name, name => component.Run.Tools[name], StringComparer.Ordinal);
        var messages = component.Conversation(inputs["system_prompt"]?.GetValue<string>(), inputs["prompt"]!.GetValue<string>());
        var maxRounds = definition.MaxRounds ?? DefaultMaxRounds;
        var toolCalls = new JsonArray();
        for (var round = 1; ; round++)
        {
            var options = LlmComponent.Options(definition);
            if (round < maxRounds)
            {
                options.Tools = [.. tools.Values.Select(t => (AITool)t.Declaration)];
            }

            var thinking = TraceIds.NewSpanId();
            await component.Scope.RecordAsync(new TraceEvent
            {
                EventType = TraceEventType.ThinkingStarted,
                SpanId = thinking,
                Thoughts = string.Create(CultureInfo.InvariantCulture, $"Round {round}: deciding the next step"),
            }, cancellationToken).ConfigureAwait(false);
            var response = await component.AskAsync(messages, options, cancellationToken).ConfigureAwait(false);
            var calls = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().ToList();
            await component.Scope.RecordAsync(new TraceEvent
            {
                EventType = TraceEventType.ThinkingCompleted,
                SpanId = thinking,
                Thoughts = calls.Count == 0
                    ? string.Create(CultureInfo.InvariantCulture, $"Round {round}: answering")
                    : string.Create(CultureInfo.InvariantCulture, $"Round {round}: calling {string.Join(", ", calls.Select(c => c.Name))}"),
            }, cancellationToken).ConfigureAwait(false);
            if (calls.Count == 0)
            {
                return new ComponentResult(new JsonObject { ["content"] = response.Text, ["tool_calls"] = toolCalls });
            }

            messages.AddMessages(response);
            foreach (var call in calls)
            {
                var result = await ToolInvoker.InvokeAsync(component, tools, call, cancellationToken).ConfigureAwait(false);
                messages.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent(call.CallId, result)]));
                toolCalls.Add(new JsonObject
                {
                    ["name"] = call.Name,
                    ["arguments"] = JsonNode.Parse(ToolInvoker.Arguments(call).GetRawText()),
                    ["results"] = JsonNode.Parse(result.GetRawText()),
                });
            }
        }
    }
}
