using System.Security.Claims;
using AgentTrace.Domain.Model;
using AgentTrace.Domain.Recording;
using AgentTrace.Domain.Storage;
using AgentTrace.Web.Auth;
using AgentTrace.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace AgentTrace.Web.Api;

/// <summary>Recording from agents that run elsewhere: create a trace, append events, complete it.</summary>
public static class IngestApi
{
    private static readonly TraceStatus[] s_endStatuses = [TraceStatus.Completed, TraceStatus.Failed, TraceStatus.Cancelled];

    public static RouteGroupBuilder MapIngestApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/traces").WithTags("Ingest").RequireAuthorization(ApiRoles.CanWrite);
        group.MapPost("/", Create).WithName("CreateTrace").WithSummary("Create a trace for a run recorded elsewhere; returns its task_id");
        group.MapPost("/{task_id}/events", AppendEvents).WithName("AppendTraceEvents").WithSummary("Append a batch of events (idempotent by seq)");
        group.MapPost("/{task_id}/complete", Complete).WithName("CompleteTrace").WithSummary("End a trace with its status, error and outputs");
        return group;
    }

    public static async Task<Results<Created<Envelope<CreateTraceResponse>>, JsonHttpResult<Envelope<object>>>> Create(
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

    public static async Task<Results<Ok<Envelope<AppendEventsResponse>>, JsonHttpResult<Envelope<object>>>> AppendEvents(
        string task_id, HttpContext context, ClaimsPrincipal user, TraceRecorder recorder, ITraceReader store, IOptions<LimitsOptions> limits, CancellationToken cancellationToken)
    {
        if (TraceRoutes.BadTaskId(task_id) is { } bad)
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

        if (await store.GetAsync(user.Tenant(), task_id, cancellationToken) is not { } session)
        {
            return TraceRoutes.TraceNotFound(task_id);
        }

        var result = await recorder.Attach(session).AppendAsync(events!, cancellationToken);
        return result.Outcome switch
        {
            IngestOutcome.Accepted => ApiResults.Ok(new AppendEventsResponse(task_id, result.Accepted, result.Duplicates, result.LastSeq)),
            IngestOutcome.NotFound => TraceRoutes.TraceNotFound(task_id),
            IngestOutcome.OutOfOrder => ApiResults.BadRequest(result.Message!),
            _ => ApiResults.Conflict(result.Message!),
        };
    }

    public static async Task<Results<Ok<Envelope<TraceSession>>, JsonHttpResult<Envelope<object>>>> Complete(
        string task_id, HttpContext context, ClaimsPrincipal user, TraceRecorder recorder, ITraceReader store, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (TraceRoutes.BadTaskId(task_id) is { } bad)
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

        if (await store.GetAsync(user.Tenant(), task_id, cancellationToken) is not { } session)
        {
            return TraceRoutes.TraceNotFound(task_id);
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
            CompleteOutcome.NotFound => TraceRoutes.TraceNotFound(task_id),
            _ => ApiResults.Conflict($"trace {task_id} is already {result.Session!.Status.Name()}"),
        };
    }
}
