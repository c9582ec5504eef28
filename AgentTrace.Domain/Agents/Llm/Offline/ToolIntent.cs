using System.Text.RegularExpressions;

namespace AgentTrace.Domain.Agents.Llm.Offline;

/// <summary>What a question needs a tool for: an arithmetic expression to evaluate, or the current time.</summary>
public static partial class ToolIntent
{
    /// <summary>The arithmetic expression in the question (numbers joined by + - * / %), or null.</summary>
    public static string? Arithmetic(string question)
    {
        var text = WordOperators().Replace(question.ToLowerInvariant(), m => m.Value switch
        {
            "plus" => "+",
            "minus" => "-",
            "times" or "multiplied by" => "*",
            _ => "/",
        });
        return Expression().Matches(text).Select(m => m.Value.Trim()).Where(e => Operator().IsMatch(e)).MaxBy(e => e.Length);
    }

    public static bool AsksForTime(string question) => TimeQuestion().IsMatch(question);

    [GeneratedRegex(@"\b(plus|minus|times|multiplied by|divided by)\b")]
    private static partial Regex WordOperators();

    [GeneratedRegex(@"[(\s]*\d+(?:\.\d+)?(?:[)\s]*[-+*/%][(\s]*\d+(?:\.\d+)?)+[)\s]*")]
    private static partial Regex Expression();

    [GeneratedRegex(@"\d\s*[)]*\s*[-+*/%]\s*[(]*\s*\d")]
    private static partial Regex Operator();

    [GeneratedRegex(@"\b(what time|current time|time is it|what day|today's date|what date|current date)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TimeQuestion();
}
