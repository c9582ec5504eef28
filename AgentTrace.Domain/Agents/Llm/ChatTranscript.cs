using System.Text;
using System.Text.Json;
using AgentTrace.Domain.Model;
using Microsoft.Extensions.AI;

namespace AgentTrace.Domain.Agents.Llm;

/// <summary>Renders chat messages as the text a trace shows: content, tool calls and tool results.</summary>
public static class ChatTranscript
{
    /// <summary>The options tool arguments and results are written with: those of the AI abstractions, on one line.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(AIJsonUtilities.DefaultOptions) { WriteIndented = false };

    public static IReadOnlyList<ChatMessageRecord> Records(IEnumerable<ChatMessage> messages) =>
        [.. messages.Select(m => new ChatMessageRecord { Role = m.Role.Value, Content = Text(m) })];

    public static string Text(ChatMessage message) => Text(message.Contents);

    public static string Text(IEnumerable<AIContent> contents)
    {
        var text = new StringBuilder();
        foreach (var content in contents)
        {
            var part = content switch
            {
                TextContent t => t.Text,
                FunctionCallContent call => $"[tool call {call.CallId}] {call.Name}({JsonSerializer.Serialize(call.Arguments, JsonOptions)})",
                FunctionResultContent result => $"[tool result {result.CallId}] {ResultText(result.Result)}",
                _ => null,
            };
            if (!string.IsNullOrEmpty(part))
            {
                text.Append(text.Length > 0 ? "\n" : "").Append(part);
            }
        }

        return text.ToString();
    }

    private static string ResultText(object? result) => result switch
    {
        null => "null",
        string s => s,
        JsonElement e => e.GetRawText(),
        _ => JsonSerializer.Serialize(result, JsonOptions),
    };
}
