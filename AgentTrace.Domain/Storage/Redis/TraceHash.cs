using System.Globalization;
using System.Text.Json;
using AgentTrace.Domain.Model;
using AgentTrace.Domain.Serialization;
using StackExchange.Redis;

namespace AgentTrace.Domain.Storage.Redis;

/// <summary>
/// The fields of a trace's hash: the session as created (JSON), and the fields that change as it runs (status,
/// <c>last_seq</c>, summary counters, completion), which override the JSON when read.
/// </summary>
internal static class TraceHash
{
    public const string Session = "session";
    public const string Status = "status";
    public const string LastSeq = "last_seq";
    public const string CompletedAt = "completed_at";
    public const string Elapsed = "elapsed";
    public const string Error = "error";
    public const string Outputs = "outputs";

    private const string TotalEvents = "total_events";
    private const string TotalLlmCalls = "total_llm_calls";
    private const string TotalRetrievals = "total_retrievals";
    private const string TotalToolCalls = "total_tool_calls";
    private const string PromptTokens = "prompt_tokens";
    private const string CompletionTokens = "completion_tokens";
    private const string TotalTokens = "total_tokens";
    private const string TotalChunksRetrieved = "total_chunks_retrieved";
    private const string NodesExecuted = "nodes_executed";
    private const string ErrorsCount = "errors_count";
    private const string DroppedEvents = "dropped_events";

    /// <summary>The summary counters one event adds, other than <c>total_events</c> (which the append script counts).</summary>
    public static IEnumerable<(string Field, long Value)> Increments(TraceEvent e)
    {
        var s = TraceSummary.Of(e);
        (string, long)[] all =
        [
            (TotalLlmCalls, s.TotalLlmCalls), (TotalRetrievals, s.TotalRetrievals), (TotalToolCalls, s.TotalToolCalls),
            (PromptTokens, s.PromptTokens), (CompletionTokens, s.CompletionTokens), (TotalTokens, s.TotalTokens),
            (TotalChunksRetrieved, s.TotalChunksRetrieved), (NodesExecuted, s.NodesExecuted), (ErrorsCount, s.ErrorsCount),
        ];
        return all.Where(f => f.Item2 != 0);
    }

    /// <summary>The session a hash holds; null when the hash is empty (the trace does not exist).</summary>
    public static TraceSession? Read(IReadOnlyDictionary<string, RedisValue> fields)
    {
        if (!fields.TryGetValue(Session, out var json) || json.IsNull)
        {
            return null;
        }

        var created = JsonSerializer.Deserialize((string)json!, TraceJsonContext.Wire.TraceSession)!;
        var completedAt = Long(fields, CompletedAt) is { } ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : created.CompletedAt;
        var elapsed = fields.TryGetValue(Elapsed, out var e) ? double.Parse((string)e!, CultureInfo.InvariantCulture) : created.TotalElapsedTime;
        return created with
        {
            Status = WireNames.TryParseStatus((string?)fields.GetValueOrDefault(Status), out var status) ? status : created.Status,
            LastSeq = Long(fields, LastSeq) ?? 0,
            CompletedAt = completedAt,
            TotalElapsedTime = elapsed ?? (completedAt is { } at ? Math.Max(0, (at - created.CreatedAt).TotalSeconds) : null),
            Error = fields.TryGetValue(Error, out var error) ? (string?)error : created.Error,
            Outputs = fields.TryGetValue(Outputs, out var outputs) ? JsonSerializer.Deserialize((string)outputs!, TraceJsonContext.Wire.JsonElement) : created.Outputs,
            Summary = new TraceSummary
            {
                TotalEvents = Long(fields, TotalEvents) ?? 0,
                TotalLlmCalls = Long(fields, TotalLlmCalls) ?? 0,
                TotalRetrievals = Long(fields, TotalRetrievals) ?? 0,
                TotalToolCalls = Long(fields, TotalToolCalls) ?? 0,
                PromptTokens = Long(fields, PromptTokens) ?? 0,
                CompletionTokens = Long(fields, CompletionTokens) ?? 0,
                TotalTokens = Long(fields, TotalTokens) ?? 0,
                TotalChunksRetrieved = Long(fields, TotalChunksRetrieved) ?? 0,
                NodesExecuted = Long(fields, NodesExecuted) ?? 0,
                ErrorsCount = Long(fields, ErrorsCount) ?? 0,
                DroppedEvents = Long(fields, DroppedEvents) ?? 0,
            },
        };
    }

    public static TraceSession? Read(HashEntry[] entries) =>
        Read(entries.ToDictionary(h => (string)h.Name!, h => h.Value, StringComparer.Ordinal));

    /// <summary>Reads a script's reply of alternating field names and values, from <paramref name="start"/>.</summary>
    public static TraceSession? Read(RedisResult[] reply, int start)
    {
        var fields = new Dictionary<string, RedisValue>(StringComparer.Ordinal);
        for (var i = start; i + 1 < reply.Length; i += 2)
        {
            fields[(string)reply[i]!] = (RedisValue)reply[i + 1];
        }

        return Read(fields);
    }

    private static long? Long(IReadOnlyDictionary<string, RedisValue> fields, string name) =>
        fields.TryGetValue(name, out var value) && value.TryParse(out long number) ? number : null;
}
