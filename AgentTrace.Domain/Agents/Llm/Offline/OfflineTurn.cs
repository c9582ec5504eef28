using Microsoft.Extensions.AI;

namespace AgentTrace.Domain.Agents.Llm.Offline;

/// <summary>
/// What the offline model reads from a conversation: the question (the last user message, or its
/// <c>Question:</c> line), the context (every system message and the rest of that user message), the tools
/// offered, and the tool results given since the question.
/// </summary>
public sealed record OfflineTurn(string Question, string Context, IReadOnlySet<string> Tools, IReadOnlyList<FunctionResultContent> Results, IReadOnlyList<FunctionCallContent> Calls)
{
    private const string QuestionLabel = "Question:";

    public static OfflineTurn Read(IReadOnlyList<ChatMessage> messages, ChatOptions? options)
    {
        var lastUser = messages.Select((m, i) => (m, i)).LastOrDefault(p => p.m.Role == ChatRole.User);
        var userText = lastUser.m?.Text ?? "";
        var (question, rest) = Split(userText);
        var system = string.Join("\n", messages.Where(m => m.Role == ChatRole.System).Select(m => m.Text));
        var after = lastUser.m is null ? messages : messages.Skip(lastUser.i + 1);
        var contents = after.SelectMany(m => m.Contents).ToList();
        return new OfflineTurn(
            question,
            string.Join("\n", new[] { system, rest }.Where(t => t.Length > 0)),
            (options?.Tools ?? []).Select(t => t.Name).ToHashSet(StringComparer.Ordinal),
            [.. contents.OfType<FunctionResultContent>()],
            [.. contents.OfType<FunctionCallContent>()]);
    }

    private static (string Question, string Remainder) Split(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var index = Array.FindLastIndex(lines, l => l.TrimStart().StartsWith(QuestionLabel, StringComparison.OrdinalIgnoreCase));
        if (index < 0)
        {
            return (text.Trim(), "");
        }

        var question = lines[index].TrimStart()[QuestionLabel.Length..].Trim();
        return (question, string.Join("\n", lines.Where((_, i) => i != index)).Trim());
    }
}
