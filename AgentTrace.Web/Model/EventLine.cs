using AgentTrace.Domain.Model;

namespace AgentTrace.Web.Model;

/// <summary>The one-line gist of an event for the event table: what was called, asked or answered.</summary>
public static class EventLine
{
    private const int Max = 140;

    public static string Describe(TraceEvent e)
    {
        var text = e.Error is { } error
            ? error
            : e.Llm is { } llm
                ? Join(llm.ModelName, llm.TotalTokens is { } t ? $"{Display.Count(t)} tokens" : null, llm.Response ?? llm.Prompt ?? llm.Messages?.LastOrDefault()?.Content)
                : e.Retrieval is { } search
                    ? Join(search.Query, search.ChunksRetrieved is { } n ? $"{n} chunks" : null)
                    : e.Tool is { } tool
                        ? Join(tool.ToolName, JsonText.Pretty(tool.Result ?? tool.Arguments))
                        : JsonText.Pretty(e.Outputs ?? e.Inputs) ?? e.Thoughts ?? "";
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= Max ? line : string.Concat(line.AsSpan(0, Max), "…");
    }

    private static string Join(params string?[] parts) => string.Join(" · ", parts.Where(p => !string.IsNullOrWhiteSpace(p)));
}
