using AgentTrace.Domain.Model;

namespace AgentTrace.Domain.Recording;

/// <summary>
/// Checks an event sent by a client before it is recorded; each problem names the field. Numbers must lie in ranges
/// that no real run leaves and whose sums cannot overflow: durations up to a year, token counts up to 10^12 per call,
/// scores within ±10^6.
/// </summary>
public static class EventValidator
{
    public const int MaxNameLength = 256;

    /// <summary>The longest duration a run or a step may report: 365 days, in seconds.</summary>
    public const double MaxSeconds = 365 * 24 * 3600;

    /// <summary>The most tokens one LLM call may report in each of its counts.</summary>
    public const long MaxTokens = 1_000_000_000_000;

    /// <summary>The largest magnitude of a retrieval score or similarity threshold.</summary>
    public const double MaxScore = 1_000_000;

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

        if ((e.Llm is null ? 0 : 1) + (e.Retrieval is null ? 0 : 1) + (e.Tool is null ? 0 : 1) > 1)
        {
            yield return $"{at} may carry at most one of llm, retrieval, tool";
        }

        foreach (var problem in NumberProblems(e, at))
        {
            yield return problem;
        }
    }

    /// <summary>The problem with a duration in seconds, or null when it is 0 or more and at most a year.</summary>
    public static string? SecondsProblem(double? seconds, string field) =>
        seconds is < 0 or > MaxSeconds ? $"{field} must be between 0 and {MaxSeconds:0} seconds (365 days)" : null;

    private static IEnumerable<string> NumberProblems(TraceEvent e, string at)
    {
        var problems = new List<string?> { SecondsProblem(e.ElapsedTime, $"{at}.elapsed_time") };
        if (e.Llm is { } llm)
        {
            problems.Add(MillisecondsProblem(llm.LatencyMs, $"{at}.llm.latency_ms"));
            foreach (var (name, count) in new[] { ("prompt_tokens", llm.PromptTokens), ("completion_tokens", llm.CompletionTokens), ("total_tokens", llm.TotalTokens) })
            {
                problems.Add(count is < 0 or > MaxTokens ? $"{at}.llm.{name} must be between 0 and {MaxTokens}" : null);
            }

            problems.Add(llm.MaxTokens < 0 ? $"{at}.llm.max_tokens must be 0 or more" : null);
            problems.Add(llm.Messages?.Any(m => m is null) == true ? $"{at}.llm.messages must hold objects, not null" : null);
        }

        if (e.Retrieval is { } retrieval)
        {
            problems.Add(MillisecondsProblem(retrieval.LatencyMs, $"{at}.retrieval.latency_ms"));
            problems.Add(retrieval.ChunksRetrieved < 0 || retrieval.TopK < 0 ? $"{at}.retrieval.chunks_retrieved and top_k must be 0 or more" : null);
            problems.Add(ScoreProblem(retrieval.SimilarityThreshold, $"{at}.retrieval.similarity_threshold"));
            for (var i = 0; i < (retrieval.Chunks?.Count ?? 0); i++)
            {
                problems.Add(retrieval.Chunks![i] is { } chunk
                    ? ScoreProblem(chunk.Score, $"{at}.retrieval.chunks[{i}].score")
                    : $"{at}.retrieval.chunks[{i}] must be an object, not null");
            }
        }

        if (e.Tool is { } tool)
        {
            problems.Add(MillisecondsProblem(tool.LatencyMs, $"{at}.tool.latency_ms"));
        }

        return problems.OfType<string>();
    }

    private static string? MillisecondsProblem(double? milliseconds, string field) =>
        milliseconds is < 0 or > MaxSeconds * 1000 ? $"{field} must be between 0 and {MaxSeconds * 1000:0} milliseconds (365 days)" : null;

    private static string? ScoreProblem(double? score, string field) =>
        score is < -MaxScore or > MaxScore ? $"{field} must be between -{MaxScore:0} and {MaxScore:0}" : null;
}
