using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace AgentTrace.Domain.Agents.Llm.Offline;

/// <summary>The content words of a text: lower-cased, common words left out, a plural "s" dropped.</summary>
public static partial class TextWords
{
    private static readonly FrozenSet<string> s_common = FrozenSet.ToFrozenSet(
    [
        "a", "about", "an", "and", "are", "as", "at", "be", "by", "can", "could", "do", "does", "for", "from", "has", "have",
        "how", "i", "if", "in", "into", "is", "it", "its", "me", "my", "of", "on", "or", "please", "so", "tell", "that", "the",
        "their", "then", "there", "these", "this", "to", "was", "what", "when", "where", "which", "who", "why", "will", "with",
        "would", "you", "your",
    ], StringComparer.Ordinal);

    public static HashSet<string> Of(string text) =>
        [.. Word().Matches(text.ToLowerInvariant()).Select(m => Stem(m.Value)).Where(w => !s_common.Contains(w))];

    private static string Stem(string word) => word.Length > 3 && word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) ? word[..^1] : word;

    [GeneratedRegex(@"[\p{L}\p{N}_]+")]
    private static partial Regex Word();
}
