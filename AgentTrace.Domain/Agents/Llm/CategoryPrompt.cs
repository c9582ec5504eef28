using System.Text;
using AgentTrace.Domain.Agents.Definitions;

namespace AgentTrace.Domain.Agents.Llm;

/// <summary>The system prompt of a <c>Categorize</c> call, and how to read the categories back from it.</summary>
public static class CategoryPrompt
{
    private const string Header = "Categories:";

    public static string Build(IReadOnlyDictionary<string, CategoryDefinition> categories)
    {
        var text = new StringBuilder("Classify the user's question into exactly one of the categories below. Reply with the category name only.\n")
            .Append(Header).Append('\n');
        foreach (var (name, category) in categories)
        {
            text.Append("- ").Append(name).Append(": ").Append(category.Description ?? "");
            if (category.Examples is { Count: > 0 } examples)
            {
                text.Append(" (examples: ").Append(string.Join("; ", examples)).Append(')');
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The categories listed in a prompt made by <see cref="Build"/>; empty for any other text.</summary>
    public static IReadOnlyList<(string Name, string Text)> Read(string prompt)
    {
        var start = prompt.IndexOf(Header + "\n", StringComparison.Ordinal);
        if (start < 0)
        {
            return [];
        }

        return [.. prompt[(start + Header.Length + 1)..].Split('\n')
            .TakeWhile(line => line.StartsWith("- ", StringComparison.Ordinal))
            .Select(line => line[2..].Split(':', 2))
            .Select(parts => (parts[0].Trim(), parts.Length > 1 ? parts[1].Trim() : ""))];
    }

    /// <summary>The category named in a model's reply: an exact name, else the first name the reply contains.</summary>
    public static string? Match(string reply, IEnumerable<string> names)
    {
        var text = reply.Trim().Trim('"', '\'', '.', '`').Trim();
        var list = names.ToList();
        return list.FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase))
            ?? list.FirstOrDefault(n => text.Contains(n, StringComparison.OrdinalIgnoreCase));
    }
}
