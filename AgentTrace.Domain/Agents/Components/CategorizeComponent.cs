using System.Text.Json.Nodes;
using AgentTrace.Domain.Agents.Definitions;
using AgentTrace.Domain.Agents.Llm;
using AgentTrace.Domain.Agents.Runtime;
using Microsoft.Extensions.AI;

namespace AgentTrace.Domain.Agents.Components;

/// <summary>
/// Asks the LLM which category the question belongs to and hands over to that category's component only.
/// Outputs <c>category</c>. A reply that names no category fails the component.
/// </summary>
public sealed class CategorizeComponent : AgentComponent
{
    public override string Type => ComponentTypes.Categorize;

    public override JsonObject Inputs(ComponentRun component) => new()
    {
        ["query"] = component.Run.Render(component.Definition.Query ?? "{sys.query}"),
        ["categories"] = Json.Array(component.Definition.Categories!.Keys),
    };

    public override string Thoughts(ComponentRun component, JsonObject inputs) =>
        $"Choosing how to handle the question: {string.Join(" or ", component.Definition.Categories!.Keys)}";

    public override async Task<ComponentResult> RunAsync(ComponentRun component, JsonObject inputs, CancellationToken cancellationToken)
    {
        var categories = component.Definition.Categories!;
        List<ChatMessage> messages =
        [
            new(ChatRole.System, CategoryPrompt.Build(categories)),
            new(ChatRole.User, inputs["query"]!.GetValue<string>()),
        ];
        var options = new ChatOptions { Temperature = (float)(component.Definition.Temperature ?? 0), MaxOutputTokens = 16 };
        var reply = (await component.AskAsync(messages, options, cancellationToken).ConfigureAwait(false)).Text;
        var chosen = CategoryPrompt.Match(reply, categories.Keys)
            ?? throw new InvalidOperationException($"the model answered \"{reply}\", which names none of the categories {string.Join(", ", categories.Keys)}");
        return new ComponentResult(new JsonObject { ["category"] = chosen }, [categories[chosen].To]);
    }
}
