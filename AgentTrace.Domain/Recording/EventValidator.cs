using AgentTrace.Domain.Model;

namespace AgentTrace.Domain.Recording;

/// <summary>Checks an event sent by a client before it is recorded; each problem names the field.</summary>
public static class EventValidator
{
    public const int MaxNameLength = 256;

    public static IEnumerable<string> Problems(TraceEvent e, string at)
    {
        if (e.Seq < 0)
        {
            yield return $"{at}.seq must be 1 or more (or left out to have it assigned)";
        }

        foreach (var (name, value) in new[] { ("event_id", e.EventId), ("span_id", e.SpanId), ("parent_span_id", e.ParentSpanId), ("component_id", e.ComponentId) })
        {
            if (!string.IsNullOrEmpty(value) && TraceIds.Problem($"{at}.{name}", value) is { } problem)
            {
                yield return problem;
            }
        }

        foreach (var (name, value) in new[] { ("component_name", e.ComponentName), ("component_type", e.ComponentType) })
        {
            if (value is { Length: > MaxNameLength })
            {
                yield return $"{at}.{name} is {value.Length} characters long; at most {MaxNameLength} are allowed";
            }
        }

        if (e.ElapsedTime is < 0 or double.NaN)
        {
            yield return $"{at}.elapsed_time must be 0 or more seconds";
        }

        if ((e.Llm is null ? 0 : 1) + (e.Retrieval is null ? 0 : 1) + (e.Tool is null ? 0 : 1) > 1)
        {
            yield return $"{at} may carry at most one of llm, retrieval, tool";
        }

        if (e.Llm is { } llm && (llm.PromptTokens < 0 || llm.CompletionTokens < 0 || llm.TotalTokens < 0))
        {
            yield return $"{at}.llm token counts must be 0 or more";
        }

        if (e.Retrieval is { } retrieval && (retrieval.ChunksRetrieved < 0 || retrieval.TopK < 0))
        {
            yield return $"{at}.retrieval.chunks_retrieved and top_k must be 0 or more";
        }
    }
}
