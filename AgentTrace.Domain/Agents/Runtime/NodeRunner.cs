using Stopwatch = System.Diagnostics.Stopwatch;
using System.Text.Json;
using System.Text.Json.Nodes;
using AgentTrace.Domain.Agents.Llm;
using AgentTrace.Domain.Model;

namespace AgentTrace.Domain.Agents.Runtime;

/// <summary>
/// Runs one component as a node span: <c>node_started</c> with its inputs and thoughts, then <c>node_finished</c>
/// with its outputs, or <c>node_failed</c> with the error (a timeout is an error; being stopped by the run says why).
/// </summary>
internal static class NodeRunner
{
    public static async Task<NodeOutcome> RunAsync(RunContext run, string id, Func<string> stopReason, CancellationToken cancellationToken)
    {
        var definition = run.Agent.Components[id];
        var spanId = TraceIds.NewSpanId();
        var scope = new TraceScope(run.Trace, run.Services.Clock, spanId, id, definition.Name ?? id, definition.Type);
        var startedEventId = TraceIds.NewSpanId();
        var component = new ComponentRun(run, id, definition, scope, startedEventId);
        var kind = run.Services.Components.Of(definition.Type);
        var timeout = TimeSpan.FromSeconds(definition.TimeoutSeconds ?? run.Services.Options.ComponentTimeoutSeconds);
        var started = Stopwatch.GetTimestamp();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        JsonElement? inputs = null;
        try
        {
            var values = kind.Inputs(component);
            inputs = Json.Element(values);
            await scope.RecordAsync(new TraceEvent
            {
                EventType = TraceEventType.NodeStarted,
                EventId = startedEventId,
                SpanId = spanId,
                ParentSpanId = run.WorkflowSpanId,
                Inputs = inputs,
                Thoughts = kind.Thoughts(component, values),
            }, cancellationToken).ConfigureAwait(false);
            ComponentResult result;
            using (TraceContext.Enter(scope))
            {
                result = await kind.RunAsync(component, values, deadline.Token).ConfigureAwait(false);
            }

            run.SetOutputs(id, result.Outputs);
            await RecordEndAsync(run, scope, TraceEventType.NodeFinished, inputs, result.Outputs, null, started).ConfigureAwait(false);
            return new NodeOutcome(id, NodeEnd.Finished, result.Next ?? run.Graph.Next(id));
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            var error = $"stopped: {stopReason()}";
            await RecordEndAsync(run, scope, TraceEventType.NodeFailed, inputs, null, error, started).ConfigureAwait(false);
            return new NodeOutcome(id, NodeEnd.Stopped, [], error);
        }
        catch (Exception ex)
        {
            var error = deadline.IsCancellationRequested
                ? $"component '{id}' timed out after {timeout.TotalSeconds:0.###} s"
                : $"component '{id}' failed: {ex.Message}";
            await RecordEndAsync(run, scope, TraceEventType.NodeFailed, inputs, null, error, started).ConfigureAwait(false);
            return new NodeOutcome(id, NodeEnd.Failed, [], error);
        }
    }

    // Recorded even when the run was cancelled, so that no node span is left open.
    private static ValueTask RecordEndAsync(RunContext run, TraceScope scope, TraceEventType type, JsonElement? inputs, JsonObject? outputs, string? error, long started) =>
        scope.RecordAsync(new TraceEvent
        {
            EventType = type,
            SpanId = scope.ParentSpanId,
            ParentSpanId = run.WorkflowSpanId,
            Inputs = inputs,
            Outputs = outputs is null ? null : Json.Element(outputs),
            Error = error,
            ElapsedTime = Stopwatch.GetElapsedTime(started).TotalSeconds,
        }, CancellationToken.None);
}
