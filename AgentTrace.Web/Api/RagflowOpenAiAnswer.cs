using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using AgentTrace.Domain.Agents.Runtime;
using AgentTrace.Domain.Model;
using AgentTrace.Domain.Serialization;
using AgentTrace.Domain.Storage;
using AgentTrace.Web.Api.Sse;

namespace AgentTrace.Web.Api;

/// <summary>
/// The answer of <c>agents/chat/completions</c> with <c>"openai-compatible": true</c>, in OpenAI's chat completion
/// shapes, as RAGFlow gives it: one <c>chat.completion</c> object (not enveloped), or streamed <c>chat.completion.chunk</c>
/// frames (one per piece of the answer, then one with <c>finish_reason</c> and <c>usage</c>) and <c>data:[DONE]</c>.
/// The model is the agent's id; the id is the run's task id.
/// </summary>
public static class RagflowOpenAiAnswer
{
    public static IAsyncEnumerable<StreamFrame> Frames(AgentRun run, long created, ITraceReader store, ILogger logger, CancellationToken cancellationToken) =>
        FrameGuard.GuardAsync(ChunksAsync(run, created, store, cancellationToken), Error, logger, cancellationToken);

    /// <summary>The whole answer as one <c>chat.completion</c>.</summary>
    public static async Task<JsonObject> CompletionAsync(AgentRun run, AgentRunResult result, long created, ITraceReader store, CancellationToken cancellationToken) => new()
    {
        ["id"] = run.TaskId,
        ["object"] = "chat.completion",
        ["created"] = created,
        ["model"] = run.AgentId,
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = result.Answer },
            ["finish_reason"] = "stop",
        }),
        ["usage"] = await UsageAsync(run, store, cancellationToken),
    };

    private static async IAsyncEnumerable<StreamFrame> ChunksAsync(AgentRun run, long created, ITraceReader store, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var output in RunOutputStream.ReadAsync(run, store, withEvents: false, cancellationToken))
        {
            if (output.Chunk is { End: false } chunk)
            {
                yield return Frame(Chunk(run, created, new JsonObject { ["role"] = "assistant", ["content"] = chunk.Content }, null));
            }
        }

        var result = await run.Completion.WaitAsync(cancellationToken);
        if (result.Status != TraceStatus.Completed)
        {
            yield return Error(result.Error ?? $"the run ended {result.Status.Name()}");
            yield break;
        }

        var last = Chunk(run, created, new JsonObject(), "stop");
        last["usage"] = await UsageAsync(run, store, cancellationToken);
        yield return Frame(last);
    }

    private static JsonObject Chunk(AgentRun run, long created, JsonObject delta, string? finishReason) => new()
    {
        ["id"] = run.TaskId,
        ["object"] = "chat.completion.chunk",
        ["created"] = created,
        ["model"] = run.AgentId,
        ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finishReason }),
    };

    private static async Task<JsonObject> UsageAsync(AgentRun run, ITraceReader store, CancellationToken cancellationToken) =>
        RagflowUsage.Of((await store.GetAsync(run.TenantId, run.TaskId, cancellationToken))?.Summary ?? TraceSummary.Empty);

    private static StreamFrame Error(string message) =>
        Frame(new JsonObject { ["error"] = new JsonObject { ["message"] = message, ["type"] = "agent_run_failed" } });

    private static StreamFrame Frame(JsonObject data) => new(null, "message", data.ToJsonString(TraceJsonContext.Wire.Options));
}
