using System.Text;
using AgentTrace.Domain.Model;

namespace AgentTrace.Web.Model;

/// <summary>The text a step is found by: its names, error, and the text of its inputs, outputs and payloads.</summary>
public static class SearchText
{
    public static string Of(Step step)
    {
        var text = new StringBuilder(step.Label).Append('\n');
        foreach (var e in new[] { step.Start, step.End })
        {
            if (e is not null)
            {
                Append(text, e);
            }
        }

        return text.ToString();
    }

    /// <summary>The same for one event, for the event table's search.</summary>
    public static string Of(TraceEvent e)
    {
        var text = new StringBuilder(e.EventType.Name()).Append('\n');
        Append(text, e);
        return text.ToString();
    }

    private static void Append(StringBuilder text, TraceEvent e)
    {
        foreach (var part in Parts(e))
        {
            if (!string.IsNullOrEmpty(part))
            {
                text.Append(part).Append('\n');
            }
        }
    }

    private static IEnumerable<string?> Parts(TraceEvent e)
    {
        yield return e.ComponentId;
        yield return e.ComponentName;
        yield return e.ComponentType;
        yield return e.Error;
        yield return e.Thoughts;
        yield return e.Inputs?.GetRawText();
        yield return e.Outputs?.GetRawText();
        if (e.Llm is { } llm)
        {
            yield return llm.ModelName;
            yield return llm.Prompt;
            yield return llm.Response;
            foreach (var message in llm.Messages ?? [])
            {
                yield return message.Content;
            }
        }

        if (e.Retrieval is { } retrieval)
        {
            yield return retrieval.Query;
            yield return string.Join(' ', retrieval.KnowledgeBases ?? []);
            foreach (var chunk in retrieval.Chunks ?? [])
            {
                yield return chunk.DocumentName;
                yield return chunk.Content;
            }
        }

        if (e.Tool is { } tool)
        {
            yield return tool.ToolName;
            yield return tool.Arguments?.GetRawText();
            yield return tool.Result?.GetRawText();
        }
    }
}
