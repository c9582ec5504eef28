using System.Text.Json;
using AgentTrace.Domain.Analysis;
using AgentTrace.Domain.Model;
using static System.FormattableString;

namespace AgentTrace.Domain.Formatting;

/// <summary>The few words that say what a step did, from what its level kept (a minimal trace still has models, counts and names).</summary>
internal static class CompactDetail
{
    private const int ValueLength = 60;
    private const int ThoughtsLength = 80;

    public static string? Of(TraceEvent e) => e switch
    {
        { Llm: { } llm } => Llm(llm),
        { Retrieval: { } retrieval } => Retrieval(retrieval, e.EventType == TraceEventType.RetrievalCompleted),
        { Tool: { } tool } => Tool(tool),
        { Thoughts: { } thoughts } => TextPreview.Shorten(thoughts, ThoughtsLength),
        _ => null,
    };

    private static string Llm(LlmPayload llm)
    {
        var model = llm.ModelName ?? "llm";
        if (llm.PromptTokens is not null || llm.CompletionTokens is not null)
        {
            return $"{model} {llm.PromptTokens ?? 0}→{llm.CompletionTokens ?? 0} tokens";
        }

        return llm.TotalTokens is { } total ? $"{model} {total} tokens" : model;
    }

    private static string Retrieval(RetrievalPayload retrieval, bool completed)
    {
        var source = retrieval.KnowledgeBases is { Count: > 0 } bases ? string.Join(", ", bases) : "retrieval";
        if (!completed)
        {
            return retrieval.Query is { } query ? $"{source}: \"{TextPreview.Shorten(query, ValueLength)}\"" : source;
        }

        var found = $"{source}: {EventFacts.Chunks(retrieval)} chunks";
        return EventFacts.TopScore(retrieval) is { } top ? Invariant($"{found}, top {top:0.##}") : found;
    }

    private static string Tool(ToolPayload tool)
    {
        var name = tool.ToolName ?? "tool";
        var call = tool.Arguments is { } arguments ? $"{name}({TextPreview.Shorten(Render(arguments), ValueLength)})" : name;
        return tool.Result is { } result ? $"{call} → {TextPreview.Shorten(Render(result), ValueLength)}" : call;
    }

    /// <summary>A JSON value as plain text: strings unquoted, objects and arrays as their values joined by commas.</summary>
    private static string Render(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Object => string.Join(", ", value.EnumerateObject().Select(p => Render(p.Value))),
        JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(Render)),
        _ => value.GetRawText(),
    };
}
