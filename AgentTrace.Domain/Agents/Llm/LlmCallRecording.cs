using Stopwatch = System.Diagnostics.Stopwatch;
using System.Text.Json;
using System.Text.Json.Nodes;
using AgentTrace.Domain.Model;
using AgentTrace.Domain.Serialization;
using Microsoft.Extensions.AI;

namespace AgentTrace.Domain.Agents.Llm;

/// <summary>
/// One LLM call being recorded: <c>llm_call_started</c> with the request, then <c>llm_call_completed</c> with the
/// response, tokens (from the provider's usage, else counted), latency and finish reason, or with the error.
/// </summary>
internal sealed class LlmCallRecording
{
    private readonly TraceScope _scope;
    private readonly TokenCounter _tokens;
    private readonly IReadOnlyList<ChatMessage> _messages;
    private readonly LlmPayload _request;
    private readonly JsonElement _metadata;
    private readonly string _spanId = TraceIds.NewSpanId();
    private readonly long _started = Stopwatch.GetTimestamp();

    private LlmCallRecording(TraceScope scope, TokenCounter tokens, IReadOnlyList<ChatMessage> messages, LlmPayload request, JsonElement metadata)
    {
        _scope = scope;
        _tokens = tokens;
        _messages = messages;
        _request = request;
        _metadata = metadata;
    }

    public static async Task<LlmCallRecording> StartAsync(
        TraceScope scope, TokenCounter tokens, IReadOnlyList<ChatMessage> messages, ChatOptions? options, ChatClientMetadata? client, bool streaming, CancellationToken cancellationToken)
    {
        var request = new LlmPayload
        {
            CallId = TraceIds.NewSpanId(),
            ModelName = options?.ModelId ?? client?.DefaultModelId,
            Temperature = options?.Temperature is { } temperature ? Math.Round(temperature, 4) : null,
            MaxTokens = options?.MaxOutputTokens,
        };
        var metadata = new JsonObject { ["stream"] = streaming, ["provider"] = client?.ProviderName };
        var recording = new LlmCallRecording(scope, tokens, messages, request, JsonSerializer.SerializeToElement(metadata, TraceJsonContext.Default.JsonObject));
        await scope.RecordAsync(new TraceEvent
        {
            EventType = TraceEventType.LlmCallStarted,
            SpanId = recording._spanId,
            Metadata = recording._metadata,
            Llm = request with { Messages = ChatTranscript.Records(messages) },
        }, cancellationToken).ConfigureAwait(false);
        return recording;
    }

    public ValueTask CompleteAsync(ChatResponse response)
    {
        var text = ChatTranscript.Text(response.Messages.SelectMany(m => m.Contents));
        var prompt = response.Usage?.InputTokenCount ?? _tokens.Count(_messages);
        var completion = response.Usage?.OutputTokenCount ?? _tokens.Count(text);
        return RecordEndAsync(_request with
        {
            ModelName = response.ModelId ?? _request.ModelName,
            Response = text,
            PromptTokens = prompt,
            CompletionTokens = completion,
            TotalTokens = response.Usage?.TotalTokenCount ?? prompt + completion,
            FinishReason = response.FinishReason?.Value,
        }, null);
    }

    public ValueTask FailAsync(Exception error) =>
        RecordEndAsync(_request with { PromptTokens = _tokens.Count(_messages), CompletionTokens = 0, TotalTokens = _tokens.Count(_messages) }, Describe(error));

    private static string Describe(Exception error) => error switch
    {
        OperationCanceledException => "the LLM call was cancelled",
        _ => $"the LLM call failed: {error.Message}",
    };

    // The end of a span is recorded even when the run was cancelled, so that no span is left open.
    private ValueTask RecordEndAsync(LlmPayload payload, string? error)
    {
        var latency = Stopwatch.GetElapsedTime(_started).TotalMilliseconds;
        return _scope.RecordAsync(new TraceEvent
        {
            EventType = TraceEventType.LlmCallCompleted,
            SpanId = _spanId,
            Error = error,
            ElapsedTime = latency / 1000,
            Metadata = _metadata,
            Llm = payload with { LatencyMs = Math.Round(latency, 3) },
        }, CancellationToken.None);
    }
}
