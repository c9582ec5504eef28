using Stopwatch = System.Diagnostics.Stopwatch;
using System.Text.Json;
using System.Text.Json.Nodes;
using AgentTrace.Domain.Agents.Llm;
using AgentTrace.Domain.Agents.Runtime;
using AgentTrace.Domain.Agents.Tools;
using AgentTrace.Domain.Model;
using Microsoft.Extensions.AI;

namespace AgentTrace.Domain.Agents.Components;

/// <summary>
/// Makes a tool call the model asked for and records it as a tool span with its arguments and result. A refused
/// call gives the model <c>{"error": ...}</c> and the run goes on; a tool that fails or times out fails the component.
/// </summary>
public static class ToolInvoker
{
    public static async Task<JsonElement> InvokeAsync(ComponentRun component, IReadOnlyDictionary<string, IAgentTool> tools, FunctionCallContent call, CancellationToken cancellationToken)
    {
        var arguments = Arguments(call);
        tools.TryGetValue(call.Name, out var tool);
        var request = new ToolPayload { CallId = call.CallId, ToolName = call.Name, ToolType = tool?.ToolType ?? "unknown", Arguments = arguments };
        var spanId = TraceIds.NewSpanId();
        await component.Scope.RecordAsync(new TraceEvent { EventType = TraceEventType.ToolCallStarted, SpanId = spanId, Tool = request }, cancellationToken).ConfigureAwait(false);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = tool is null
                ? throw new ToolRefusedException($"there is no tool '{call.Name}'; the tools are {string.Join(", ", tools.Keys)}")
                : await tool.InvokeAsync(arguments, cancellationToken).ConfigureAwait(false);
            await RecordEndAsync(component, spanId, request, result, started, null).ConfigureAwait(false);
            return result;
        }
        catch (ToolRefusedException ex)
        {
            var refusal = Json.Element(new JsonObject { ["error"] = ex.Message });
            await RecordEndAsync(component, spanId, request, refusal, started, $"tool {call.Name} refused the call: {ex.Message}").ConfigureAwait(false);
            return refusal;
        }
        catch (Exception ex)
        {
            var error = ex is OperationCanceledException && cancellationToken.IsCancellationRequested
                ? $"tool {call.Name} was stopped"
                : $"tool {call.Name} failed: {ex.Message}";
            await RecordEndAsync(component, spanId, request, null, started, error).ConfigureAwait(false);
            if (ex is OperationCanceledException)
            {
                throw;
            }

            throw new ToolFailedException(error, ex);
        }
    }

    /// <summary>The arguments the model gave a call, as one JSON object.</summary>
    public static JsonElement Arguments(FunctionCallContent call) =>
        JsonSerializer.SerializeToElement(call.Arguments ?? new Dictionary<string, object?>(), ChatTranscript.JsonOptions);

    // The end of the span is recorded even when the run was cancelled, so that no span is left open.
    private static ValueTask RecordEndAsync(ComponentRun component, string spanId, ToolPayload request, JsonElement? result, long started, string? error)
    {
        var latency = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return component.Scope.RecordAsync(new TraceEvent
        {
            EventType = TraceEventType.ToolCallCompleted,
            SpanId = spanId,
            Error = error,
            ElapsedTime = latency / 1000,
            Tool = request with { Result = result, LatencyMs = Math.Round(latency, 3) },
        }, CancellationToken.None);
    }
}
