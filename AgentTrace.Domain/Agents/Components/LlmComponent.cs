using System.Text.Json.Nodes;
using AgentTrace.Domain.Agents.Definitions;
using AgentTrace.Domain.Agents.Runtime;
using Microsoft.Extensions.AI;

namespace AgentTrace.Domain.Agents.Components;

/// <summary>One LLM call: system prompt, the conversation so far, and the prompt. Outputs <c>content</c>.</summary>
public sealed class LlmComponent : AgentComponent
{
    public override string Type => ComponentTypes.Llm;

    public override JsonObject Inputs(ComponentRun component) => PromptInputs(component);

    public override string Thoughts(ComponentRun component, JsonObject inputs) =>
        component.Run.History.Count > 0
            ? $"Asking the model, with {component.Run.History.Count} earlier messages of this conversation"
            : "Asking the model";

    public override async Task<ComponentResult> RunAsync(ComponentRun component, JsonObject inputs, CancellationToken cancellationToken)
    {
        var messages = component.Conversation(inputs["system_prompt"]?.GetValue<string>(), inputs["prompt"]!.GetValue<string>());
        var response = await component.AskAsync(messages, Options(component.Definition), cancellationToken).ConfigureAwait(false);
        return new ComponentResult(new JsonObject { ["content"] = response.Text });
    }

    /// <summary>The rendered system prompt and prompt (the question when no prompt is set).</summary>
    public static JsonObject PromptInputs(ComponentRun component)
    {
        var definition = component.Definition;
        var inputs = new JsonObject { ["prompt"] = component.Run.Render(definition.Prompt ?? "{sys.query}") };
        if (definition.SystemPrompt is { } system)
        {
            inputs["system_prompt"] = component.Run.Render(system);
        }

        return inputs;
    }

    public static ChatOptions Options(Definitions.ComponentDefinition definition) =>
        new() { Temperature = (float?)definition.Temperature, MaxOutputTokens = definition.MaxTokens };
}
