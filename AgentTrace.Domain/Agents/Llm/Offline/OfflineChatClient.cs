using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using AgentTrace.Domain.Agents.Tools;
using AgentTrace.Domain.Serialization;
using Microsoft.Extensions.AI;

namespace AgentTrace.Domain.Agents.Llm.Offline;

/// <summary>
/// The model used when no LLM endpoint is configured. Deterministic: it picks a category when asked to classify,
/// asks for the calculator or the current time when the question needs them, answers from tool results, and
/// otherwise answers with the sentences of its context that best match the question. It reports token usage
/// counted with the real tokenizer, and streams its answer word by word.
/// </summary>
public sealed partial class OfflineChatClient(TokenCounter tokens) : IChatClient
{
    public const string ModelName = "agenttrace-offline";
    public const string NoContextAnswer =
        "I am the offline model built into AgentTrace: I answer from the documents and tool results I am given, and this question came with neither. Configure AgentTrace:Llm to use a real model.";

    private readonly ChatClientMetadata _metadata = new("agenttrace-offline", null, ModelName);

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var list = messages.ToList();
        var (reply, finish) = Reply(list, options);
        var input = tokens.Count(list);
        var output = tokens.Count(ChatTranscript.Text(reply));
        return Task.FromResult(new ChatResponse(reply)
        {
            ModelId = options?.ModelId ?? ModelName,
            FinishReason = finish,
            Usage = new UsageDetails { InputTokenCount = input, OutputTokenCount = output, TotalTokenCount = input + output },
        });
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        foreach (var content in response.Messages[0].Contents)
        {
            var pieces = content is TextContent text ? WordChunk().Matches(text.Text).Select(m => (AIContent)new TextContent(m.Value)) : [content];
            foreach (var piece in pieces)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return new ChatResponseUpdate(ChatRole.Assistant, [piece]) { ModelId = response.ModelId };
            }
        }

        yield return new ChatResponseUpdate(ChatRole.Assistant, [new UsageContent(response.Usage!)]) { ModelId = response.ModelId, FinishReason = response.FinishReason };
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : serviceKey is null && serviceType == typeof(ChatClientMetadata) ? _metadata
        : null;

    public void Dispose()
    {
    }

    private static (ChatMessage Reply, ChatFinishReason Finish) Reply(IReadOnlyList<ChatMessage> messages, ChatOptions? options)
    {
        var turn = OfflineTurn.Read(messages, options);
        if (CategoryPrompt.Read(turn.Context) is { Count: > 0 } categories)
        {
            return (Text(CategoryChooser.Choose(turn.Question, categories)), ChatFinishReason.Stop);
        }

        if (turn.Results.Count > 0)
        {
            return (Text(string.Join(" ", turn.Results.Select(r => Describe(r, turn.Calls)))), ChatFinishReason.Stop);
        }

        var callId = $"call_{messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().Count() + 1}";
        if (turn.Tools.Contains(CalculatorTool.ToolName) && ToolIntent.Arithmetic(turn.Question) is { } expression)
        {
            return (Call(callId, CalculatorTool.ToolName, new Dictionary<string, object?> { ["expression"] = expression }), ChatFinishReason.ToolCalls);
        }

        if (turn.Tools.Contains(CurrentTimeTool.ToolName) && ToolIntent.AsksForTime(turn.Question))
        {
            return (Call(callId, CurrentTimeTool.ToolName, new Dictionary<string, object?>()), ChatFinishReason.ToolCalls);
        }

        return (Text(turn.Context.Length > 0 ? ExtractiveAnswerer.Answer(turn.Question, turn.Context) : NoContextAnswer), ChatFinishReason.Stop);
    }

    private static ChatMessage Text(string text) => new(ChatRole.Assistant, text);

    private static ChatMessage Call(string callId, string name, Dictionary<string, object?> arguments) =>
        new(ChatRole.Assistant, [new FunctionCallContent(callId, name, arguments)]);

    private static string Describe(FunctionResultContent result, IReadOnlyList<FunctionCallContent> calls)
    {
        var call = calls.FirstOrDefault(c => c.CallId == result.CallId);
        var value = result.Result is JsonElement json ? json : JsonSerializer.SerializeToElement(result.Result?.ToString() ?? "", TraceJsonContext.Default.String);
        if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty("error", out var error))
        {
            return $"The {call?.Name ?? "tool"} tool could not help: {error}";
        }

        return call?.Name switch
        {
            CalculatorTool.ToolName when value.ValueKind == JsonValueKind.Object && value.TryGetProperty("result", out var number) =>
                $"{call.Arguments?["expression"]} = {number.GetRawText()}.",
            CurrentTimeTool.ToolName when value.ValueKind == JsonValueKind.Object && value.TryGetProperty("utc", out var utc) =>
                $"The current time is {utc.GetString()} (UTC).",
            _ => $"The {call?.Name ?? "tool"} tool returned {value.GetRawText()}.",
        };
    }

    [GeneratedRegex(@"\S+\s*")]
    private static partial Regex WordChunk();
}
