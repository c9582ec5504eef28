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
/// Running the built-in agents: with their trace (<c>completions/trace</c>), RAGFlow-compatible (<c>completions</c>),
/// and cancelling a run. The run's task id is in the <c>X-Trace-Id</c> header of every answer that started one.
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
        group.MapPost("/agents/{agent_id}/completions", CompleteRagflow).WithName("CompleteRagflow")
            .WithSummary("Run an agent, RAGFlow-compatible; return_trace adds each component's trace entry")
            .WithJsonBody<RagflowCompletionRequest>("The question, the conversation to continue, and how to answer, as RAGFlow takes them.")
            .WithResponseDescription(StatusCodes.Status200OK,
                "With stream true (the default), RAGFlow's Server-Sent Events: data:{\"event\": "
                + "\"message\"|\"message_end\"|\"node_finished\", ...} frames (node_finished carries its own trace entry with "
                + "return_trace) and data:[DONE]. With stream false, the final workflow_finished event, with data.trace when "
                + "return_trace is set.")
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
        var (agent, request, options, error) = await ReadCallAsync<CompletionRequest, (TraceLevel Level, TraceFormat Format)>(
            agentId, context, user, catalog, ReadTraceOptions, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var (run, slot, refusal) = await StartAsync(context, user, runner, slots, agent!, new AgentRunRequest
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
            var frames = TraceCompletionStream.Frames(run, session, options.Format, request.IncludeTrace, store, formatter, Logger(context), context.RequestAborted);
            return new EventStreamResult(frames, TimeSpan.FromSeconds(limits.Value.HeartbeatSeconds), slot);
        }

        var result = await run.Completion.WaitAsync(cancellationToken);
        if (RunError(run, result) is { } runError)
        {
            return runError;
        }

        var trace = request.IncludeTrace && await store.ReadWholeAsync(run.TenantId, run.TaskId, cancellationToken) is { } whole
            ? formatter.FormatTrace(options.Format, whole.Session, whole.Events)
            : null;
        return ApiResults.Ok(new CompletionResponse(result.Answer, run.TaskId, run.SessionId, run.AgentId, result.Status, trace));
    }

    public static async Task<Results<EventStreamResult, Ok<Envelope<System.Text.Json.Nodes.JsonObject>>, JsonHttpResult<ErrorEnvelope>>> CompleteRagflow(
        [FromRoute(Name = "agent_id"), Description(AgentsApi.AgentIdDescription)] string agentId, HttpContext context, ClaimsPrincipal user,
        AgentCatalog catalog, AgentRunner runner, ITraceReader store, TraceFormatter formatter, StreamSlots slots, TimeProvider clock,
        IOptions<LimitsOptions> limits, CancellationToken cancellationToken)
    {
        // RAGFlow's body has nothing beyond the shared fields to check; its runs are recorded at the standard level.
        var (agent, request, level, error) = await ReadCallAsync<RagflowCompletionRequest, TraceLevel>(
            agentId, context, user, catalog, static (_, _) => TraceLevel.Standard, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var (run, slot, refusal) = await StartAsync(context, user, runner, slots, agent!, new AgentRunRequest
        {
            TenantId = user.Tenant(),
            Question = request!.Question,
            SessionId = request.SessionId,
            UserId = request.UserId,
            Inputs = request.Inputs,
            TraceLevel = level,
            StreamLlm = request.Stream,
        }, request.Stream, cancellationToken);
        if (run is null)
        {
            return refusal!;
        }

        var envelope = new RagflowEnvelope(TraceIds.NewTaskId(), clock.GetUtcNow().ToUnixTimeSeconds(), run.TaskId, run.SessionId);
        if (request.Stream)
        {
            var frames = RagflowCompletionStream.Frames(run, envelope, request.ReturnTrace, store, formatter, Logger(context), context.RequestAborted);
            return new EventStreamResult(frames, TimeSpan.FromSeconds(limits.Value.HeartbeatSeconds), slot, SseFraming.DataOnly);
        }

        var result = await run.Completion.WaitAsync(cancellationToken);
        return RunError(run, result) is { } runError
            ? runError
            : ApiResults.Ok(await RagflowCompletionStream.FinalEventAsync(run, result, envelope, request.ReturnTrace, store, formatter, cancellationToken));
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
    /// What both completion routes do first: the agent must be one of the tenant's, the body a <typeparamref name="TRequest"/>,
    /// and its fields must pass the shared checks (<see cref="CompletionInput"/>) and the route's own, <paramref name="readOwn"/>,
    /// which adds its problems and returns what it read. Every problem is reported at once.
    /// </summary>
    private static async Task<(AgentDefinition? Agent, TRequest? Request, TOwn Own, JsonHttpResult<ErrorEnvelope>? Error)> ReadCallAsync<TRequest, TOwn>(
        string agentId, HttpContext context, ClaimsPrincipal user, AgentCatalog catalog, Func<TRequest, List<string>, TOwn> readOwn, CancellationToken cancellationToken)
        where TRequest : class, ICompletionRequest
    {
        if (await catalog.GetAsync(user.Tenant(), agentId, cancellationToken) is not { } agent)
        {
            return (null, null, default!, AgentsApi.AgentNotFound(agentId));
        }

        var (request, problem) = await JsonBody.ReadAsync<TRequest>(context, cancellationToken);
        if (problem is not null)
        {
            return (null, null, default!, ApiResults.BadRequest(problem));
        }

        var problems = CompletionInput.Problems(request!);
        var own = readOwn(request!, problems);
        return problems.Count > 0
            ? (null, null, default!, ApiResults.BadRequest(string.Join("; ", problems)))
            : (agent, request, own, null);
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

    /// <summary>The errors of both completion routes.</summary>
    private static RouteHandlerBuilder ProducesRunErrors(this RouteHandlerBuilder builder) => builder
        .WithResponseHeader(StatusCodes.Status200OK, TraceIdHeader, "The run's task id.")
        .ProducesError(StatusCodes.Status400BadRequest, "The body is not a JSON object of this shape, or a field is invalid; the message names each problem.")
        .ProducesError(StatusCodes.Status404NotFound, "The tenant has no agent with this id.")
        .ProducesError(StatusCodes.Status409Conflict, "The run was cancelled (not streamed).")
        .ProducesError(StatusCodes.Status429TooManyRequests, "Streamed, and this API key already has AgentTrace:Limits:MaxStreamsPerKey streams open.")
        .ProducesError(StatusCodes.Status500InternalServerError, "The agent run failed (not streamed); the message says why and names its trace.")
        .ProducesError(StatusCodes.Status503ServiceUnavailable, "This server already runs AgentTrace:Agents:MaxConcurrentRuns agents.");

    /// <summary>
    /// Starts a run, with a stream slot of the caller's key when it is streamed, and puts its task id in the
    /// <c>X-Trace-Id</c> header. Gives the refusal instead when the key has all its streams open or the server is busy.
    /// </summary>
    private static async Task<(AgentRun? Run, IDisposable? Slot, JsonHttpResult<ErrorEnvelope>? Refusal)> StartAsync(
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

        context.Response.Headers[TraceIdHeader] = run.TaskId;
        return (run, slot, null);
    }

    private static ILogger Logger(HttpContext context) =>
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CompletionsApi));

    private static JsonHttpResult<ErrorEnvelope>? RunError(AgentRun run, AgentRunResult result) => result.Status switch
    {
        TraceStatus.Completed => null,
        TraceStatus.Cancelled => ApiResults.Conflict($"the run was cancelled; its trace is {run.TaskId}"),
        _ => ApiResults.Error(StatusCodes.Status500InternalServerError, $"the agent run failed: {result.Error}; its trace is {run.TaskId}"),
    };
}
