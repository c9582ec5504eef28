using System.ComponentModel;
using System.Security.Claims;
using AgentTrace.Domain.Model;
using AgentTrace.Domain.Recording;
using AgentTrace.Domain.Storage;
using AgentTrace.Web.Auth;
using AgentTrace.Web.Configuration;
using AgentTrace.Web.Contract;
using AgentTrace.Web.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace AgentTrace.Web.Api;

/// <summary>Recording from agents that run elsewhere: create a trace, append events, complete it.</summary>
public static class IngestApi
{
    private static readonly TraceStatus[] s_endStatuses = [TraceStatus.Completed, TraceStatus.Failed, TraceStatus.Cancelled];

    public static RouteGroupBuilder MapIngestApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/traces").WithTags("Ingest").RequireAuthorization(ApiRoles.CanWrite);
        group.MapPost("/", Create).WithName("CreateTrace").WithSummary("Create a trace for a run recorded elsewhere; returns its task_id")
            .WithJsonBody<CreateTraceRequest>("Who runs, at which level, with which tags and metadata; every field is optional.")
            .WithResponseHeader(StatusCodes.Status201Created, "Location", "The new trace's path.")
            .ProducesError(StatusCodes.Status400BadRequest,
                "The body is not a JSON object of this shape, or an id, the trace level or the tags are invalid; the message "
                + "names each problem.");
        group.MapPost("/{task_id}/events", AppendEvents).WithName("AppendTraceEvents").WithSummary("Append a batch of events (idempotent by seq)")
            .WithJsonBody<AppendEventsRequest>("The events to append, in order.")
            .ProducesError(StatusCodes.Status400BadRequest,
                "The task id is malformed, the body is not {\"events\": [...]}, an event is invalid (each problem is named "
                + "with its index), or the given seqs of the batch are not increasing.")
            .ProducesError(StatusCodes.Status404NotFound, "The caller's tenant has no trace with this task id.")
            .ProducesError(StatusCodes.Status409Conflict, "The trace has ended and takes no more events, or a given seq skips ahead of the next one expected.")
            .ProducesError(StatusCodes.Status413PayloadTooLarge,
                "The batch has more than AgentTrace:Limits:MaxEventsPerBatch events, or one event is larger than "
                + "AgentTrace:Limits:MaxEventBytes.");
        group.MapPost("/{task_id}/complete", Complete).WithName("CompleteTrace").WithSummary("End a trace with its status, error and outputs")
            .WithJsonBody<CompleteTraceRequest>("How the run ended.")
            .ProducesError(StatusCodes.Status400BadRequest,
                "The task id is malformed, the body is not a JSON object of this shape, the status is not completed, failed or "
                + "cancelled, or elapsed_time is out of range.")
            .ProducesError(StatusCodes.Status404NotFound, "The caller's tenant has no trace with this task id.")
            .ProducesError(StatusCodes.Status409Conflict, "The trace has already ended.");
        return group;
    }

    public static async Task<Results<Created<Envelope<CreateTraceResponse>>, JsonHttpResult<ErrorEnvelope>>> Create(
        HttpContext context, ClaimsPrincipal user, TraceRecorder recorder, ITraceReader store, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (request, problem) = await JsonBody.ReadAsync<CreateTraceRequest>(context, cancellationToken);
        if (problem is not null)
        {
            return ApiResults.BadRequest(problem);
        }

        var problems = new List<string>();
        foreach (var (name, value) in new[] { ("agent_id", request!.AgentId), ("session_id", request.SessionId), ("user_id", request.UserId) })
        {
            if (value is not null && TraceIds.Problem(name, value) is { } idProblem)
            {
                problems.Add(idProblem);
            }
        }

        var level = TraceLevel.Standard;
        if (request.TraceLevel is not null && !WireNames.TryParseLevel(request.TraceLevel, out level))
        {
            problems.Add($"trace_level must be one of {string.Join(", ", WireNames.Levels)} (got '{request.TraceLevel}')");
        }

        if (request.Tags is { } tags && (tags.Count > 32 || tags.Any(t => string.IsNullOrWhiteSpace(t) || t.Length > 64)))
        {
            problems.Add("tags may hold at most 32 non-empty tags of at most 64 characters");
        }

        if (problems.Count > 0)
        {
            return ApiResults.BadRequest(string.Join("; ", problems));
        }

        var trace = await recorder.StartAsync(new TraceSession
        {
            TaskId = TraceIds.NewTaskId(),
            TenantId = user.Tenant(),
            AgentId = request.AgentId,
            SessionId = request.SessionId,
            UserId = request.UserId,
            TraceLevel = level,
            Tags = request.Tags ?? [],
            Metadata = request.Metadata,
            CreatedAt = clock.GetUtcNow(),
        }, cancellationToken);
        var session = await store.GetAsync(trace.TenantId, trace.TaskId, cancellationToken);
        return ApiResults.Created($"/api/v1/traces/{trace.TaskId}", new CreateTraceResponse(trace.TaskId, session!));
    }

    public static async Task<Results<Ok<Envelope<AppendEventsResponse>>, JsonHttpResult<ErrorEnvelope>>> AppendEvents(
        [FromRoute(Name = "task_id"), Description(TraceRoutes.TaskIdDescription)] string taskId,
        HttpContext context, ClaimsPrincipal user, TraceRecorder recorder, ITraceReader store, IOptions<LimitsOptions> limits, CancellationToken cancellationToken)
    {
        if (TraceRoutes.BadTaskId(taskId) is { } bad)
        {
            return bad;
        }

        var (document, repaired, problem) = await JsonBody.ReadDocumentAsync(context.Request, cancellationToken);
        using var body = document;
        if (problem is not null)
        {
            return ApiResults.BadRequest(problem);
        }

        var (events, error) = EventBatchReader.Read(body!.RootElement, repaired, context, limits.Value);
        if (error is not null)
        {
            return error;
        }

        if (await store.GetAsync(user.Tenant(), taskId, cancellationToken) is not { } session)
        {
            return TraceRoutes.TraceNotFound(taskId);
        }

        var result = await recorder.Attach(session).AppendAsync(events!, cancellationToken);
        return result.Outcome switch
        {
            IngestOutcome.Accepted => ApiResults.Ok(new AppendEventsResponse(taskId, result.Accepted, result.Duplicates, result.LastSeq)),
            IngestOutcome.NotFound => TraceRoutes.TraceNotFound(taskId),
            IngestOutcome.OutOfOrder => ApiResults.BadRequest(result.Message!),
            _ => ApiResults.Conflict(result.Message!),
        };
    }

    public static async Task<Results<Ok<Envelope<TraceSession>>, JsonHttpResult<ErrorEnvelope>>> Complete(
        [FromRoute(Name = "task_id"), Description(TraceRoutes.TaskIdDescription)] string taskId,
        HttpContext context, ClaimsPrincipal user, TraceRecorder recorder, ITraceReader store, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (TraceRoutes.BadTaskId(taskId) is { } bad)
        {
            return bad;
        }

        var (request, problem) = await JsonBody.ReadAsync<CompleteTraceRequest>(context, cancellationToken);
        if (problem is not null)
        {
            return ApiResults.BadRequest(problem);
        }

        if (!WireNames.TryParseStatus(request!.Status, out var status) || !s_endStatuses.Contains(status))
        {
            return ApiResults.BadRequest($"status must be one of {string.Join(", ", s_endStatuses.Select(s => s.Name()))} (got '{request.Status}')");
        }

        if (EventValidator.SecondsProblem(request.ElapsedTime, "elapsed_time") is { } elapsedProblem)
        {
            return ApiResults.BadRequest(elapsedProblem);
        }

        if (await store.GetAsync(user.Tenant(), taskId, cancellationToken) is not { } session)
        {
            return TraceRoutes.TraceNotFound(taskId);
        }

        var result = await recorder.Attach(session).CompleteAsync(new TraceCompletion
        {
            Status = status,
            CompletedAt = clock.GetUtcNow(),
            ElapsedSeconds = request.ElapsedTime,
            Error = request.Error,
            Outputs = request.Outputs,
        }, cancellationToken);
        return result.Outcome switch
        {
            CompleteOutcome.Completed => ApiResults.Ok(result.Session!),
            CompleteOutcome.NotFound => TraceRoutes.TraceNotFound(taskId),
            _ => ApiResults.Conflict($"trace {taskId} is already {result.Session!.Status.Name()}"),
        };
    }
}
