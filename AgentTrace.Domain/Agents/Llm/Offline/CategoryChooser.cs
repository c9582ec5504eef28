namespace AgentTrace.Domain.Agents.Llm.Offline;

/// <summary>
/// Picks the category whose description and examples share the most content words with the question; an
/// arithmetic question also matches the word "arithmetic", a time question the word "time". Ties go to the
/// category listed first.
/// </summary>
public static class CategoryChooser
{
    public static string Choose(string question, IReadOnlyList<(string Name, string Text)> categories)
    {
        var words = TextWords.Of(question);
        if (ToolIntent.Arithmetic(question) is not null)
        {
            words.Add("arithmetic");
        }

        if (ToolIntent.AsksForTime(question))
        {
            words.Add("time");
        }

        return categories
            .Select((c, index) => (c.Name, Index: index, Score: TextWords.Of(c.Name + " " + c.Text).Count(words.Contains)))
            .OrderByDescending(c => c.Score)
            .ThenBy(c => c.Index)
            .First().Name;
    }
}
