using System.Text.RegularExpressions;

namespace AgentTrace.Domain.Agents.Llm.Offline;

/// <summary>Answers with the sentences of a context that share the most content words with the question.</summary>
public static partial class ExtractiveAnswerer
{
    public const int MaxSentences = 2;
    public const string NoAnswer = "The context I was given does not answer that question.";

    public static string Answer(string question, string context)
    {
        var wanted = TextWords.Of(question);
        var best = Sentences(context)
            .Select((sentence, index) => (Sentence: sentence, Index: index, Score: TextWords.Of(sentence).Count(wanted.Contains)))
            .Where(s => s.Score > 0)
            .OrderByDescending(s => s.Score)
            .ThenBy(s => s.Index)
            .Take(MaxSentences)
            .OrderBy(s => s.Index)
            .Select(s => s.Sentence)
            .ToList();
        return best.Count == 0 ? NoAnswer : string.Join(" ", best);
    }

    /// <summary>The context's sentences of four words or more (headings and labels are left out).</summary>
    private static IEnumerable<string> Sentences(string context) =>
        context.ReplaceLineEndings("\n").Split('\n')
            .SelectMany(line => SentenceEnd().Split(line.Trim().TrimStart('-', '*', ' ')))
            .Select(s => s.Trim())
            .Where(s => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 4);

    [GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial Regex SentenceEnd();
}
