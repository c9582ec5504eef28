using System.Security.Claims;
using AgentTrace.Domain.Agents.Definitions;
using AgentTrace.Domain.Agents.Runtime;
using AgentTrace.Domain.Model;
using AgentTrace.Web.Api.Sse;
using AgentTrace.Web.Auth;
using AgentTrace.Web.Contract;
using AgentTrace.Web.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AgentTrace.Web.Api;

/// <summary>What every route that runs an agent shares: starting the run within the limits, its failure, its errors in the OpenAPI document.</summary>
internal static class CompletionCalls
{
    /// <summary>The errors of every route that runs an agent, in its error envelope (by default the API's).</summary>
    public static RouteHandlerBuilder ProducesRunErrors(this RouteHandlerBuilder builder, Type? envelope = null) => builder
        .WithResponseHeader(StatusCodes.Status200OK, CompletionsApi.TraceIdHeader, "The run's task id.")
        .ProducesError(StatusCodes.Status400BadRequest, "The body is not a JSON object of this shape, or a field is invalid; the message names each problem.", envelope)
        .ProducesError(StatusCodes.Status404NotFound, "The tenant has no agent with this id.", envelope)
        .ProducesError(StatusCodes.Status409Conflict, "The run was cancelled (not streamed).", envelope)
        .ProducesError(StatusCodes.Status429TooManyRequests, "Streamed, and this API key already has AgentTrace:Limits:MaxStreamsPerKey streams open.", envelope)
        .ProducesError(StatusCodes.Status500InternalServerError, "The agent run failed (not streamed); the message says why and names its trace.", envelope)
        .ProducesError(StatusCodes.Status503ServiceUnavailable, "This server already runs AgentTrace:Agents:MaxConcurrentRuns agents.", envelope);

    /// <summary>
    /// Starts a run, with a stream slot of the caller's key when it is streamed, and puts its task id in the
    /// <c>X-Trace-Id</c> header. Gives the refusal instead when the key has all its streams open or the server is busy.
    /// </summary>
    public static async Task<(AgentRun? Run, IDisposable? Slot, JsonHttpResult<ErrorEnvelope>? Refusal)> StartAsync(
        HttpContext context, ClaimsPrincipal user, AgentRunner runner, StreamSlots slots, AgentDefinition agent, AgentRunRequest request, bool stream, CancellationToken cancellationToken)
    {
        var slot = stream ? slots.TryAcquire(user.KeyName()) : null;
        if (stream && slot is null)
        {
            return (null, null, ApiResults.Error(StatusCodes.Status429TooManyRequests,
                $"this API key already has {slots.Limit} streams open; close one, or raise AgentTrace:Limits:MaxStreamsPerKey"));
        }

        AgentRun? run = null;
        try
        {
            run = await runner.StartAsync(agent, request, cancellationToken);
        }
        finally
        {
            if (run is null)
            {
                slot?.Dispose();
            }
        }

        if (run is null)
        {
            return (null, null, ApiResults.Error(StatusCodes.Status503ServiceUnavailable,
                "this server already runs as many agents as it may (AgentTrace:Agents:MaxConcurrentRuns); try again shortly"));
        }

        context.Response.Headers[CompletionsApi.TraceIdHeader] = run.TaskId;
        return (run, slot, null);
    }

    public static ILogger Logger(HttpContext context) =>
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CompletionsApi));

    public static JsonHttpResult<ErrorEnvelope>? RunError(AgentRun run, AgentRunResult result) => result.Status switch
    {
        TraceStatus.Completed => null,
        TraceStatus.Cancelled => ApiResults.Conflict($"the run was cancelled; its trace is {run.TaskId}"),
        _ => ApiResults.Error(StatusCodes.Status500InternalServerError, $"the agent run failed: {result.Error}; its trace is {run.TaskId}"),
    };
}
