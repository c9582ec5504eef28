using System.Text;

namespace AgentTrace.Domain.Agents.Knowledge;

/// <summary>
/// Splits a Markdown or text document into chunks: one section per heading, cut between paragraphs so that a
/// chunk stays under <see cref="MaxChunkChars"/> (a paragraph is never cut, so a longer one makes a longer chunk).
/// Each chunk starts with its heading path, so it reads on its own.
/// </summary>
public static class DocumentChunker
{
    public const int MaxChunkChars = 800;

    public static IReadOnlyList<string> Split(string text)
    {
        var chunks = new List<string>();
        var headings = new List<string>();
        var paragraph = new StringBuilder();
        var chunk = new StringBuilder();
        foreach (var rawLine in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = rawLine.TrimEnd();
            if (HeadingLevel(line) is var level and > 0)
            {
                AddParagraph(chunk, paragraph, headings, chunks);
                Flush(chunk, chunks);
                headings.RemoveRange(Math.Min(level - 1, headings.Count), headings.Count - Math.Min(level - 1, headings.Count));
                headings.Add(line[level..].Trim());
            }
            else if (line.Length == 0)
            {
                AddParagraph(chunk, paragraph, headings, chunks);
            }
            else
            {
                paragraph.Append(paragraph.Length > 0 ? "\n" : "").Append(line);
            }
        }

        AddParagraph(chunk, paragraph, headings, chunks);
        Flush(chunk, chunks);
        return chunks;
    }

    private static int HeadingLevel(string line)
    {
        var level = line.TakeWhile(c => c == '#').Count();
        return level is > 0 and <= 6 && line.Length > level && line[level] == ' ' ? level : 0;
    }

    private static void AddParagraph(StringBuilder chunk, StringBuilder paragraph, List<string> headings, List<string> chunks)
    {
        if (paragraph.Length == 0)
        {
            return;
        }

        if (chunk.Length > 0 && chunk.Length + paragraph.Length + 2 > MaxChunkChars)
        {
            Flush(chunk, chunks);
        }

        if (chunk.Length == 0 && headings.Count > 0)
        {
            chunk.Append(string.Join(" > ", headings)).Append("\n\n");
        }
        else if (chunk.Length > 0)
        {
            chunk.Append("\n\n");
        }

        chunk.Append(paragraph);
        paragraph.Clear();
    }

    private static void Flush(StringBuilder chunk, List<string> chunks)
    {
        if (chunk.Length > 0)
        {
            chunks.Add(chunk.ToString());
            chunk.Clear();
        }
    }
}
