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
/// RAGFlow's agent completion shapes. Streamed: <c>message</c> pieces, <c>message_end</c> (with <c>reference</c>, the
/// chunks the answer can cite, when the run retrieved any), <c>node_finished</c> as each component ends (with
/// <c>return_trace</c>, carrying only its own trace entry), then <c>workflow_finished</c> with the answer, its
/// reference, the run's token <c>usage</c> and, with <c>return_trace</c>, the whole trace; or
/// <c>{"code":500,...,"data":false}</c> when the run fails. Not streamed: that <c>workflow_finished</c> event alone.
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

    /// <summary>The final event of a run: its answer, what it can cite, its token usage and, with <paramref name="returnTrace"/>, its trace.</summary>
    public static async Task<JsonObject> FinalEventAsync(AgentRun run, AgentRunResult result, RagflowEnvelope envelope, bool returnTrace, ITraceReader store, TraceFormatter formatter, CancellationToken cancellationToken)
    {
        var trace = await store.ReadWholeAsync(run.TenantId, run.TaskId, cancellationToken);
        var events = trace?.Events ?? [];
        var summary = trace?.Session.Summary ?? TraceSummary.Empty;
        var started = events.FirstOrDefault(e => e.EventType == TraceEventType.WorkflowStarted);
        var data = new JsonObject
        {
            ["content"] = result.Answer,
            ["reference"] = formatter.FormatReference(events),
            ["inputs"] = started?.Inputs is { } inputs ? JsonNode.Parse(inputs.GetRawText()) : null,
            ["outputs"] = new JsonObject { ["content"] = result.Answer },
            ["usage"] = RagflowUsage.Of(summary),
            ["elapsed_time"] = result.ElapsedSeconds,
            ["created_at"] = envelope.CreatedAt,
        };
        if (returnTrace && trace is { } whole)
        {
            data["trace"] = formatter.FormatTrace(TraceFormat.Ragflow, whole.Session, whole.Events);
        }

        var final = envelope.Event("workflow_finished", data);
        // The RAGFlow Python SDK takes an answer's citations from the event's own reference, beside data.
        final["reference"] = data["reference"]!.DeepClone();
        return final;
    }

    private static async IAsyncEnumerable<StreamFrame> RunFramesAsync(
        AgentRun run, RagflowEnvelope envelope, bool returnTrace, ITraceReader store, TraceFormatter formatter,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var session = (await store.GetAsync(run.TenantId, run.TaskId, cancellationToken))!;
        var retrievals = new List<TraceEvent>();
        await foreach (var output in RunOutputStream.ReadAsync(run, store, withEvents: true, cancellationToken))
        {
            if (output.Chunk is { End: true })
            {
                var end = new JsonObject();
                if (formatter.FormatReference(retrievals) is { } reference && reference["chunks"]!.AsArray().Count > 0)
                {
                    end["reference"] = reference;
                }

                yield return Frame(envelope.Event("message_end", end));
            }
            else if (output.Chunk is { } chunk)
            {
                yield return Frame(envelope.Event("message", new JsonObject { ["content"] = chunk.Content }));
            }
            else if (output.Event!.EventType == TraceEventType.RetrievalCompleted)
            {
                retrievals.Add(output.Event);
            }
            else if (formatter.FormatEvent(TraceFormat.Ragflow, session, output.Event) is JsonObject entry)
            {
                var node = entry["trace"]![0]!.DeepClone().AsObject();
                // The RAGFlow Python SDK reads data.content of every frame before message_end; a node is not the answer.
                node["content"] = "";
                if (returnTrace)
                {
                    node["trace"] = new JsonArray(entry);
                }

                yield return Frame(envelope.Event("node_finished", node));
            }
        }

        var result = await run.Completion.WaitAsync(cancellationToken);
        yield return result.Status == TraceStatus.Completed
            ? Frame(await FinalEventAsync(run, result, envelope, returnTrace, store, formatter, cancellationToken))
            : Error(result.Error ?? $"the run ended {result.Status.Name()}");
    }

    private static StreamFrame Error(string message) =>
        Frame(new JsonObject { ["code"] = StatusCodes.Status500InternalServerError, ["message"] = message, ["data"] = false });

    private static StreamFrame Frame(JsonObject data) => new(null, "message", data.ToJsonString(TraceJsonContext.Wire.Options));
}
