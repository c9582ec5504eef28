using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using AgentTrace.Domain.Agents.Runtime;
using AgentTrace.Domain.Formatting;
using AgentTrace.Domain.Model;
using AgentTrace.Domain.Serialization;
using AgentTrace.Domain.Storage;
using AgentTrace.Web.Api.Sse;

namespace AgentTrace.Web.Api;

/// <summary>
/// RAGFlow's agent completion shapes. Streamed: <c>message</c>, <c>message_end</c> and <c>node_finished</c> events,
/// each <c>node_finished</c> carrying only its own trace entry when <c>return_trace</c> is set, and
/// <c>{"code":500,...,"data":false}</c> when the run fails. Not streamed: the final <c>workflow_finished</c> event
/// with the whole answer and, with <c>return_trace</c>, <c>data.trace</c>.
/// </summary>
public static class RagflowCompletionStream
{
    public static IAsyncEnumerable<StreamFrame> Frames(
        AgentRun run, RagflowEnvelope envelope, bool returnTrace, ITraceReader store, TraceFormatter formatter, ILogger logger, CancellationToken cancellationToken) =>
        FrameGuard.GuardAsync(
            RunFramesAsync(run, envelope, returnTrace, store, formatter, cancellationToken),
            Error,
            logger,
            cancellationToken);

    /// <summary>The final event of a run that is not streamed.</summary>
    public static async Task<JsonObject> FinalEventAsync(AgentRun run, AgentRunResult result, RagflowEnvelope envelope, bool returnTrace, ITraceReader store, TraceFormatter formatter, CancellationToken cancellationToken)
    {
        var trace = await store.ReadWholeAsync(run.TenantId, run.TaskId, cancellationToken);
        var started = trace?.Events.FirstOrDefault(e => e.EventType == TraceEventType.WorkflowStarted);
        var data = new JsonObject
        {
            ["content"] = result.Answer,
            ["reference"] = new JsonObject(),
            ["inputs"] = started?.Inputs is { } inputs ? JsonNode.Parse(inputs.GetRawText()) : null,
            ["outputs"] = new JsonObject { ["content"] = result.Answer },
            ["elapsed_time"] = result.ElapsedSeconds,
            ["created_at"] = envelope.CreatedAt,
        };
        if (returnTrace && trace is { } whole)
        {
            data["trace"] = formatter.FormatTrace(TraceFormat.Ragflow, whole.Session, whole.Events);
        }

        return envelope.Event("workflow_finished", data);
    }

    private static async IAsyncEnumerable<StreamFrame> RunFramesAsync(
        AgentRun run, RagflowEnvelope envelope, bool returnTrace, ITraceReader store, TraceFormatter formatter,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var session = (await store.GetAsync(run.TenantId, run.TaskId, cancellationToken))!;
        await foreach (var output in RunOutputStream.ReadAsync(run, store, withEvents: true, cancellationToken))
        {
            if (output.Chunk is { } chunk)
            {
                yield return Frame(chunk.End
                    ? envelope.Event("message_end", new JsonObject())
                    : envelope.Event("message", new JsonObject { ["content"] = chunk.Content }));
            }
            else if (formatter.FormatEvent(TraceFormat.Ragflow, session, output.Event!) is JsonObject entry)
            {
                var node = entry["trace"]![0]!.DeepClone().AsObject();
                if (returnTrace)
                {
                    node["trace"] = new JsonArray(entry);
                }

                yield return Frame(envelope.Event("node_finished", node));
            }
        }

        var result = await run.Completion.WaitAsync(cancellationToken);
        if (result.Status != TraceStatus.Completed)
        {
            yield return Error(result.Error ?? $"the run ended {result.Status.Name()}");
        }
    }

    private static StreamFrame Error(string message) =>
        Frame(new JsonObject { ["code"] = StatusCodes.Status500InternalServerError, ["message"] = message, ["data"] = false });

    private static StreamFrame Frame(JsonObject data) => new(null, "message", data.ToJsonString(TraceJsonContext.Wire.Options));
}
