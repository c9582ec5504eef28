using System.ComponentModel;
using System.Security.Claims;
using AgentTrace.Domain.Agents.Catalog;
using AgentTrace.Domain.Agents.Definitions;
using AgentTrace.Domain.Agents.Runtime;
using AgentTrace.Domain.Formatting;
using AgentTrace.Domain.Model;
using AgentTrace.Domain.Storage;
using AgentTrace.Web.Api.Sse;
using AgentTrace.Web.Auth;
using AgentTrace.Web.Configuration;
using AgentTrace.Web.Contract;
using AgentTrace.Web.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace AgentTrace.Web.Api;

/// <summary>
/// Running the built-in agents with their trace (<c>completions/trace</c>) and cancelling a run (the RAGFlow-compatible
/// routes are <see cref="RagflowApi"/>). The run's task id is in the <c>X-Trace-Id</c> header of every answer that started one.
/// </summary>
public static class CompletionsApi
{
    public const string TraceIdHeader = "X-Trace-Id";

    public static RouteGroupBuilder MapCompletionsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1").WithTags("Completions").RequireAuthorization(ApiRoles.CanWrite);
        group.MapPost("/agents/{agent_id}/completions/trace", CompleteWithTrace).WithName("CompleteWithTrace")
            .WithSummary("Run an agent: its answer and trace, streamed (SSE) or as one JSON answer")
            .WithJsonBody<CompletionRequest>("The question, the conversation to continue, and how to answer.")
            .WithResponseDescription(StatusCodes.Status200OK,
                "With stream true (the default), Server-Sent Events: trace_started (the task id), the answer's message pieces "
                + "interleaved with the trace events (id: seq) in the chosen format, trace (the compact trace), an error frame "
                + "if the run failed or was cancelled, and 'event: done' / 'data: [DONE]'. With stream false, one JSON answer "
                + "with the trace in the chosen format.")
            .ProducesRunErrors();
        group.MapPost("/traces/{task_id}/cancel", Cancel).WithName("CancelRun").WithSummary("Cancel a running agent")
            .ProducesError(StatusCodes.Status400BadRequest, "The task id is malformed.")
            .ProducesError(StatusCodes.Status404NotFound, "The caller's tenant has no trace with this task id.")
            .ProducesError(StatusCodes.Status409Conflict, "The trace has already ended, or it is recorded through the ingest API (no server runs it as an agent).");
        return group;
    }

    public static async Task<Results<EventStreamResult, Ok<Envelope<CompletionResponse>>, JsonHttpResult<ErrorEnvelope>>> CompleteWithTrace(
        [FromRoute(Name = "agent_id"), Description(AgentsApi.AgentIdDescription)] string agentId, HttpContext context, ClaimsPrincipal user,
        AgentCatalog catalog, AgentRunner runner, ITraceReader store, TraceFormatter formatter, StreamSlots slots, IOptions<LimitsOptions> limits,
        CancellationToken cancellationToken)
    {
        var (agent, request, options, error) = await ReadCallAsync(agentId, context, user, catalog, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var (run, slot, refusal) = await CompletionCalls.StartAsync(context, user, runner, slots, agent!, new AgentRunRequest
        {
            TenantId = user.Tenant(),
            Question = request!.Question,
            SessionId = request.SessionId,
            Inputs = request.Inputs,
            TraceLevel = options.Level,
            StreamLlm = request.Stream,
        }, request.Stream, cancellationToken);
        if (run is null)
        {
            return refusal!;
        }

        if (request.Stream)
        {
            var session = (await store.GetAsync(run.TenantId, run.TaskId, cancellationToken))!;
            var frames = TraceCompletionStream.Frames(run, session, options.Format, request.IncludeTrace, store, formatter, CompletionCalls.Logger(context), context.RequestAborted);
            return new EventStreamResult(frames, TimeSpan.FromSeconds(limits.Value.HeartbeatSeconds), slot);
        }

        var result = await run.Completion.WaitAsync(cancellationToken);
        if (CompletionCalls.RunError(run, result) is { } runError)
        {
            return runError;
        }

        var trace = request.IncludeTrace && await store.ReadWholeAsync(run.TenantId, run.TaskId, cancellationToken) is { } whole
            ? formatter.FormatTrace(options.Format, whole.Session, whole.Events)
            : null;
        return ApiResults.Ok(new CompletionResponse(result.Answer, run.TaskId, run.SessionId, run.AgentId, result.Status, trace));
    }

    public static async Task<Results<Ok<Envelope<CancelResponse>>, JsonHttpResult<ErrorEnvelope>>> Cancel(
        [FromRoute(Name = "task_id"), Description(TraceRoutes.TaskIdDescription)] string taskId,
        ClaimsPrincipal user, RunCanceller canceller, CancellationToken cancellationToken)
    {
        if (TraceRoutes.BadTaskId(taskId) is { } bad)
        {
            return bad;
        }

        var result = await canceller.CancelAsync(user.Tenant(), taskId, cancellationToken);
        return result.Outcome switch
        {
            CancelOutcome.Ended => ApiResults.Ok(new CancelResponse(taskId, result.Status!.Value)),
            CancelOutcome.NotFound => TraceRoutes.TraceNotFound(taskId),
            CancelOutcome.AlreadyFinished => ApiResults.Conflict($"trace {taskId} is already {result.Status!.Value.Name()}"),
            _ => ApiResults.Conflict($"trace {taskId} is running but no server runs it as an agent: a trace recorded through the ingest API ends when its producer completes it, and one whose server stopped is marked interrupted"),
        };
    }

    /// <summary>
    /// What a <c>completions/trace</c> call checks first: the agent must be one of the tenant's, the body a
    /// <see cref="CompletionRequest"/> whose fields pass the shared checks (<see cref="CompletionInput"/>) and its own
    /// (level and format). Every problem is reported at once.
    /// </summary>
    private static async Task<(AgentDefinition? Agent, CompletionRequest? Request, (TraceLevel Level, TraceFormat Format) Options, JsonHttpResult<ErrorEnvelope>? Error)> ReadCallAsync(
        string agentId, HttpContext context, ClaimsPrincipal user, AgentCatalog catalog, CancellationToken cancellationToken)
    {
        if (await catalog.GetAsync(user.Tenant(), agentId, cancellationToken) is not { } agent)
        {
            return (null, null, default, AgentsApi.AgentNotFound(agentId));
        }

        var (request, problem) = await JsonBody.ReadAsync<CompletionRequest>(context, cancellationToken);
        if (problem is not null)
        {
            return (null, null, default, ApiResults.BadRequest(problem));
        }

        var problems = CompletionInput.Problems(request!);
        var options = ReadTraceOptions(request!, problems);
        return problems.Count > 0
            ? (null, null, default, ApiResults.BadRequest(string.Join("; ", problems)))
            : (agent, request, options, null);
    }

    /// <summary>The trace level and format of a <c>completions/trace</c> call; the format's default depends on <c>stream</c>.</summary>
    private static (TraceLevel Level, TraceFormat Format) ReadTraceOptions(CompletionRequest request, List<string> problems)
    {
        var level = TraceLevel.Standard;
        if (request.TraceLevel is not null && !WireNames.TryParseLevel(request.TraceLevel, out level))
        {
            problems.Add($"trace_level must be one of {string.Join(", ", WireNames.Levels)} (got '{request.TraceLevel}')");
        }

        var format = request.Stream ? TraceFormat.Streaming : TraceFormat.Compact;
        if (request.Format is not null && !TraceFormatter.TryParseFormat(request.Format, out format, out var formatProblem))
        {
            problems.Add(formatProblem);
        }

        return (level, format);
    }
}
