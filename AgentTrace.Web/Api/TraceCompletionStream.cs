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
/// The frames of a streamed <c>completions/trace</c> run: <c>trace_started</c> with the task id, then the answer's
/// <c>message</c> pieces interleaved with the trace events (in the chosen format, <c>id:</c> = seq), then
/// <c>trace</c> with the compact trace, and an <c>error</c> frame when the run did not complete.
/// </summary>
public static class TraceCompletionStream
{
    public static IAsyncEnumerable<StreamFrame> Frames(
        AgentRun run, TraceSession session, TraceFormat format, bool includeTrace, ITraceReader store, TraceFormatter formatter, ILogger logger, CancellationToken cancellationToken) =>
        FrameGuard.GuardAsync(
            RunFramesAsync(run, session, format, includeTrace, store, formatter, cancellationToken),
            message => Error(run, TraceStatus.Failed, message),
            logger,
            cancellationToken);

    /// <summary>The error frame: <c>{"code", "message", "task_id", "status"}</c>.</summary>
    public static StreamFrame Error(AgentRun run, TraceStatus status, string message) =>
        new(null, "error", Text(new JsonObject
        {
            ["code"] = status == TraceStatus.Cancelled ? StatusCodes.Status409Conflict : StatusCodes.Status500InternalServerError,
            ["message"] = message,
            ["task_id"] = run.TaskId,
            ["status"] = status.Name(),
        }));

    private static async IAsyncEnumerable<StreamFrame> RunFramesAsync(
        AgentRun run, TraceSession session, TraceFormat format, bool includeTrace, ITraceReader store, TraceFormatter formatter,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return new StreamFrame(null, "trace_started", Text(new JsonObject
        {
            ["task_id"] = run.TaskId,
            ["session_id"] = run.SessionId,
            ["agent_id"] = run.AgentId,
            ["trace_level"] = session.TraceLevel.Name(),
            ["format"] = format.Name(),
        }));
        await foreach (var output in RunOutputStream.ReadAsync(run, store, includeTrace, cancellationToken))
        {
            if (output.Chunk is { End: false } chunk)
            {
                yield return new StreamFrame(null, "message", Text(new JsonObject { ["content"] = chunk.Content, ["component_id"] = chunk.ComponentId }));
            }
            else if (output.Event is { } e && formatter.FormatEvent(format, session, e) is { } data)
            {
                yield return new StreamFrame(e.Seq, e.EventType.Name(), Text(data));
            }
        }

        var result = await run.Completion.WaitAsync(cancellationToken);
        if (includeTrace && await store.ReadWholeAsync(run.TenantId, run.TaskId, cancellationToken) is { } trace)
        {
            yield return new StreamFrame(null, "trace", Text(formatter.FormatTrace(TraceFormat.Compact, trace.Session, trace.Events)));
        }

        if (result.Status != TraceStatus.Completed)
        {
            yield return Error(run, result.Status, result.Error ?? $"the run ended {result.Status.Name()}");
        }
    }

    private static string Text(JsonNode node) => node.ToJsonString(TraceJsonContext.Wire.Options);
}
