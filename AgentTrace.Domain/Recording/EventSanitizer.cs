using System.Text.Json;
using AgentTrace.Domain.Model;
using AgentTrace.Domain.Storage;

namespace AgentTrace.Domain.Recording;

/// <summary>
/// Applies a trace level's limits (DESIGN §4) and redaction to an event, before it is stored or streamed.
/// Every cut field's path is listed in <see cref="TraceEvent.Truncated"/>. Counts (tokens, chunks) are kept
/// at every level, so analysis works on a minimal trace too.
/// </summary>
public sealed class EventSanitizer
{
    private const string ChunksPath = "retrieval.chunks";

    private readonly Redactor _redactor;
    private readonly JsonValueSanitizer _json;

    public EventSanitizer(Redactor redactor)
    {
        _redactor = redactor;
        _json = new JsonValueSanitizer(redactor);
    }

    /// <param name="e">The event as the producer gave it.</param>
    /// <param name="limits">The trace level's limits.</param>
    /// <param name="seq">The <c>seq</c> the collector assigned.</param>
    /// <param name="eventId">The event id to store: the given one, or a new one when it was absent.</param>
    public TraceEvent Sanitize(TraceEvent e, LevelLimits limits, long seq, string eventId)
    {
        List<string>? cut = null;
        var text = limits.TextLimit;
        return e with
        {
            Seq = seq,
            EventId = FieldRepair.Text(eventId, "event_id", ref cut)!,
            SpanId = FieldRepair.Text(e.SpanId, "span_id", ref cut),
            ParentSpanId = FieldRepair.Text(e.ParentSpanId, "parent_span_id", ref cut),
            ComponentId = FieldRepair.Text(e.ComponentId, "component_id", ref cut),
            ComponentName = FieldRepair.Text(e.ComponentName, "component_name", ref cut),
            ComponentType = FieldRepair.Text(e.ComponentType, "component_type", ref cut),
            Inputs = Json(e.Inputs, "inputs", text, ref cut),
            Outputs = Json(e.Outputs, "outputs", text, ref cut),
            Metadata = Json(e.Metadata, "metadata", text ?? LevelLimits.MinimalErrorLimit, ref cut),
            Thoughts = Text(e.Thoughts, text, "thoughts", ref cut),
            Error = Text(e.Error, limits.ErrorLimit, "error", ref cut),
            ElapsedTime = FieldRepair.Number(e.ElapsedTime, "elapsed_time", ref cut),
            Llm = e.Llm is null ? null : Llm(e.Llm, text, ref cut),
            Retrieval = e.Retrieval is null ? null : Retrieval(e.Retrieval, limits, ref cut),
            Tool = e.Tool is null ? null : e.Tool with
            {
                CallId = FieldRepair.Text(e.Tool.CallId, "tool.call_id", ref cut),
                ToolName = FieldRepair.Text(e.Tool.ToolName, "tool.tool_name", ref cut),
                ToolType = FieldRepair.Text(e.Tool.ToolType, "tool.tool_type", ref cut),
                Arguments = Json(e.Tool.Arguments, "tool.arguments", text, ref cut),
                Result = Json(e.Tool.Result, "tool.result", text, ref cut),
                LatencyMs = FieldRepair.Number(e.Tool.LatencyMs, "tool.latency_ms", ref cut),
            },
            Truncated = Merge(FieldRepair.Texts(e.Truncated, "truncated", ref cut), cut),
        };
    }

    /// <summary>Redacts a new trace's metadata (kept at every level, cut like metadata of events) and repairs its text.</summary>
    public TraceSession Sanitize(TraceSession session)
    {
        List<string>? cut = null;
        var limit = LevelLimits.For(session.TraceLevel).TextLimit ?? LevelLimits.MinimalErrorLimit;
        return session with
        {
            AgentId = FieldRepair.Text(session.AgentId, "agent_id", ref cut),
            SessionId = FieldRepair.Text(session.SessionId, "session_id", ref cut),
            UserId = FieldRepair.Text(session.UserId, "user_id", ref cut),
            Tags = FieldRepair.Texts(session.Tags, "tags", ref cut)!,
            Metadata = Json(session.Metadata, "metadata", limit, ref cut),
        };
    }

    /// <summary>Applies the level and redaction to how a run ended: its error and outputs.</summary>
    public TraceCompletion Sanitize(TraceCompletion completion, LevelLimits limits)
    {
        List<string>? cut = null;
        return completion with
        {
            Error = Text(completion.Error, limits.ErrorLimit, "error", ref cut),
            ElapsedSeconds = FieldRepair.Number(completion.ElapsedSeconds, "elapsed_time", ref cut),
            Outputs = Json(completion.Outputs, "outputs", limits.TextLimit, ref cut),
        };
    }

    private LlmPayload Llm(LlmPayload llm, int? limit, ref List<string>? cut)
    {
        List<ChatMessageRecord>? messages = null;
        if (limit is not null && llm.Messages is { } given)
        {
            messages = new List<ChatMessageRecord>(given.Count);
            for (var i = 0; i < given.Count; i++)
            {
                messages.Add(given[i] with
                {
                    Role = FieldRepair.Text(given[i].Role, new("llm.messages", i, "role"), ref cut)!,
                    Content = Text(given[i].Content, limit, $"llm.messages[{i}].content", ref cut),
                });
            }
        }

        return llm with
        {
            CallId = FieldRepair.Text(llm.CallId, "llm.call_id", ref cut),
            ModelName = FieldRepair.Text(llm.ModelName, "llm.model_name", ref cut),
            Prompt = Text(llm.Prompt, limit, "llm.prompt", ref cut),
            Messages = messages,
            Response = Text(llm.Response, limit, "llm.response", ref cut),
            TotalTokens = llm.TotalTokens ?? (llm.PromptTokens is null && llm.CompletionTokens is null
                ? null
                : Counts.Add(llm.PromptTokens ?? 0, llm.CompletionTokens ?? 0)),
            LatencyMs = FieldRepair.Number(llm.LatencyMs, "llm.latency_ms", ref cut),
            Temperature = FieldRepair.Number(llm.Temperature, "llm.temperature", ref cut),
            FinishReason = FieldRepair.Text(llm.FinishReason, "llm.finish_reason", ref cut),
        };
    }

    private RetrievalPayload Retrieval(RetrievalPayload retrieval, LevelLimits limits, ref List<string>? cut)
    {
        var chunks = retrieval.Chunks;
        List<RetrievedChunk>? kept = null;
        if (chunks is { Count: > 0 } && limits.ChunkCount != 0)
        {
            var count = Math.Min(chunks.Count, limits.ChunkCount ?? int.MaxValue);
            if (count < chunks.Count)
            {
                (cut ??= []).Add("retrieval.chunks");
            }

            kept = new List<RetrievedChunk>(count);
            for (var i = 0; i < count; i++)
            {
                var chunk = chunks[i];
                var content = FieldRepair.Text(chunk.Content, new(ChunksPath, i, "content"), ref cut) is { } given ? _redactor.Redact(given) : null;
                if (content is not null && limits.ChunkContentLimit is { } max)
                {
                    content = TextCutter.Cut(content, max, $"retrieval.chunks[{i}].content", ref cut);
                }

                kept.Add(chunk with
                {
                    ChunkId = FieldRepair.Text(chunk.ChunkId, new(ChunksPath, i, "chunk_id"), ref cut),
                    DocumentId = FieldRepair.Text(chunk.DocumentId, new(ChunksPath, i, "document_id"), ref cut),
                    DocumentName = FieldRepair.Text(chunk.DocumentName, new(ChunksPath, i, "document_name"), ref cut),
                    Content = content,
                    Score = FieldRepair.Number(chunk.Score, new(ChunksPath, i, "score"), ref cut),
                });
            }
        }

        return retrieval with
        {
            RetrievalId = FieldRepair.Text(retrieval.RetrievalId, "retrieval.retrieval_id", ref cut),
            Query = Text(retrieval.Query, limits.TextLimit, "retrieval.query", ref cut),
            KnowledgeBases = FieldRepair.Texts(retrieval.KnowledgeBases, "retrieval.knowledge_bases", ref cut),
            SimilarityThreshold = FieldRepair.Number(retrieval.SimilarityThreshold, "retrieval.similarity_threshold", ref cut),
            Chunks = kept,
            ChunksRetrieved = retrieval.ChunksRetrieved ?? chunks?.Count,
            LatencyMs = FieldRepair.Number(retrieval.LatencyMs, "retrieval.latency_ms", ref cut),
        };
    }

    private string? Text(string? value, int? limit, string path, ref List<string>? cut) =>
        value is null || limit is null ? null : TextCutter.Cut(_redactor.Redact(FieldRepair.Text(value, path, ref cut)!), limit.Value, path, ref cut);

    private JsonElement? Json(JsonElement? value, string path, int? limit, ref List<string>? cut) =>
        value is { } element && limit is { } max ? _json.Sanitize(element, path, max, ref cut) : null;

    private static IReadOnlyList<string>? Merge(IReadOnlyList<string>? given, List<string>? cut)
    {
        if (cut is null)
        {
            return given;
        }

        if (given is { Count: > 0 })
        {
            cut.InsertRange(0, given);
        }

        return cut;
    }
}
