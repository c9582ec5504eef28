using System.Security.Claims;
using AgentTrace.Domain.Agents.Catalog;
using AgentTrace.Domain.Agents.Definitions;
using AgentTrace.Domain.Agents.Runtime;
using AgentTrace.Domain.Formatting;
using AgentTrace.Domain.Model;
using AgentTrace.Domain.Storage;
using AgentTrace.Web.Api.Sse;
using AgentTrace.Web.Auth;
using AgentTrace.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
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
            .WithSummary("Run an agent: its answer and trace, streamed (SSE) or as one JSON answer");
        group.MapPost("/agents/{agent_id}/completions", CompleteRagflow).WithName("CompleteRagflow")
            .WithSummary("Run an agent, RAGFlow-compatible; return_trace adds each component's trace entry");
        group.MapPost("/traces/{task_id}/cancel", Cancel).WithName("CancelRun").WithSummary("Cancel a running agent");
        return group;
    }

    public static async Task<Results<EventStreamResult, Ok<Envelope<CompletionResponse>>, JsonHttpResult<Envelope<object>>>> CompleteWithTrace(
        string agent_id, HttpContext context, ClaimsPrincipal user, AgentCatalog catalog, AgentRunner runner, ITraceReader store,
        TraceFormatter formatter, StreamSlots slots, IOptions<LimitsOptions> limits, CancellationToken cancellationToken)
    {
        if (await catalog.GetAsync(user.Tenant(), agent_id, cancellationToken) is not { } agent)
        {
            return AgentsApi.AgentNotFound(agent_id);
        }

        var (request, problem) = await JsonBody.ReadAsync<CompletionRequest>(context, cancellationToken);
        if (problem is not null)
        {
            return ApiResults.BadRequest(problem);
        }

        var problems = CompletionInput.Problems(request!.Question, request.SessionId, null, request.Inputs);
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

        if (problems.Count > 0)
        {
            return ApiResults.BadRequest(string.Join("; ", problems));
        }

        var (run, slot, refusal) = await StartAsync(context, user, runner, slots, agent, new AgentRunRequest
        {
            TenantId = user.Tenant(),
            Question = request.Question,
            SessionId = request.SessionId,
            Inputs = request.Inputs,
            TraceLevel = level,
            StreamLlm = request.Stream,
        }, request.Stream, cancellationToken);
        if (run is null)
        {
            return refusal!;
        }

        if (request.Stream)
        {
            var session = (await store.GetAsync(run.TenantId, run.TaskId, cancellationToken))!;
            var frames = TraceCompletionStream.Frames(run, session, format, request.IncludeTrace, store, formatter, Logger(context), context.RequestAborted);
            return new EventStreamResult(frames, TimeSpan.FromSeconds(limits.Value.HeartbeatSeconds), slot);
        }

        var result = await run.Completion.WaitAsync(cancellationToken);
        if (RunError(run, result) is { } error)
        {
            return error;
        }

        var trace = request.IncludeTrace && await store.ReadWholeAsync(run.TenantId, run.TaskId, cancellationToken) is { } whole
            ? formatter.FormatTrace(format, whole.Session, whole.Events)
            : null;
        return ApiResults.Ok(new CompletionResponse(result.Answer, run.TaskId, run.SessionId, run.AgentId, result.Status, trace));
    }

    public static async Task<Results<EventStreamResult, Ok<Envelope<System.Text.Json.Nodes.JsonObject>>, JsonHttpResult<Envelope<object>>>> CompleteRagflow(
        string agent_id, HttpContext context, ClaimsPrincipal user, AgentCatalog catalog, AgentRunner runner, ITraceReader store,
        TraceFormatter formatter, StreamSlots slots, TimeProvider clock, IOptions<LimitsOptions> limits, CancellationToken cancellationToken)
    {
        if (await catalog.GetAsync(user.Tenant(), agent_id, cancellationToken) is not { } agent)
        {
            return AgentsApi.AgentNotFound(agent_id);
        }

        var (request, problem) = await JsonBody.ReadAsync<RagflowCompletionRequest>(context, cancellationToken);
        if (problem is not null)
        {
            return ApiResults.BadRequest(problem);
        }

        var problems = CompletionInput.Problems(request!.Question, request.SessionId, request.UserId, request.Inputs);
        if (problems.Count > 0)
        {
            return ApiResults.BadRequest(string.Join("; ", problems));
        }

        var (run, slot, refusal) = await StartAsync(context, user, runner, slots, agent, new AgentRunRequest
        {
            TenantId = user.Tenant(),
            Question = request.Question,
            SessionId = request.SessionId,
            UserId = request.UserId,
            Inputs = request.Inputs,
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
        return RunError(run, result) is { } error
            ? error
            : ApiResults.Ok(await RagflowCompletionStream.FinalEventAsync(run, result, envelope, request.ReturnTrace, store, formatter, cancellationToken));
    }

    public static async Task<Results<Ok<Envelope<CancelResponse>>, JsonHttpResult<Envelope<object>>>> Cancel(
        string task_id, ClaimsPrincipal user, RunCanceller canceller, CancellationToken cancellationToken)
    {
        if (TraceRoutes.BadTaskId(task_id) is { } bad)
        {
            return bad;
        }

        var result = await canceller.CancelAsync(user.Tenant(), task_id, cancellationToken);
        return result.Outcome switch
        {
            CancelOutcome.Ended => ApiResults.Ok(new CancelResponse(task_id, result.Status!.Value)),
            CancelOutcome.NotFound => TraceRoutes.TraceNotFound(task_id),
            CancelOutcome.AlreadyFinished => ApiResults.Conflict($"trace {task_id} is already {result.Status!.Value.Name()}"),
            _ => ApiResults.Conflict($"trace {task_id} is running but no server runs it as an agent: a trace recorded through the ingest API ends when its producer completes it, and one whose server stopped is marked interrupted"),
        };
    }

    /// <summary>
    /// Starts a run, with a stream slot of the caller's key when it is streamed, and puts its task id in the
    /// <c>X-Trace-Id</c> header. Gives the refusal instead when the key has all its streams open or the server is busy.
    /// </summary>
    private static async Task<(AgentRun? Run, IDisposable? Slot, JsonHttpResult<Envelope<object>>? Refusal)> StartAsync(
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

    private static JsonHttpResult<Envelope<object>>? RunError(AgentRun run, AgentRunResult result) => result.Status switch
    {
        TraceStatus.Completed => null,
        TraceStatus.Cancelled => ApiResults.Conflict($"the run was cancelled; its trace is {run.TaskId}"),
        _ => ApiResults.Error(StatusCodes.Status500InternalServerError, $"the agent run failed: {result.Error}; its trace is {run.TaskId}"),
    };
}
