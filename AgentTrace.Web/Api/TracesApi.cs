using System.Security.Claims;
using System.Text.Json.Nodes;
using AgentTrace.Domain.Analysis;
using AgentTrace.Domain.Formatting;
using AgentTrace.Domain.Storage;
using AgentTrace.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AgentTrace.Web.Api;

/// <summary>Reading and removing stored traces: <c>/api/v1/traces</c> and <c>/api/v1/agents/{agent_id}/traces</c>.</summary>
public static class TracesApi
{
    public static RouteGroupBuilder MapTracesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/traces").WithTags("Traces").RequireAuthorization(ApiRoles.CanRead);
        group.MapGet("/", List).WithName("ListTraces").WithSummary("List the caller's traces, newest first, with filters and paging");
        group.MapGet("/{task_id}", GetTrace).WithName("GetTrace").WithSummary("Read one trace in a format: streaming, compact, detailed (default) or ragflow");
        group.MapGet("/{task_id}/events", GetEvents).WithName("GetTraceEvents").WithSummary("Read a trace's events, filtered and paged, with the total");
        group.MapGet("/{task_id}/summary", GetSummary).WithName("GetTraceSummary").WithSummary("Read a trace's roll-up counts");
        group.MapGet("/{task_id}/analysis", GetAnalysis).WithName("GetTraceAnalysis").WithSummary("Where the time went, what failed and what to change");
        group.MapDelete("/{task_id}", Delete).WithName("DeleteTrace").WithSummary("Delete a trace and its events").RequireAuthorization(ApiRoles.CanWrite);
        group.MapPost("/cleanup", Cleanup).WithName("CleanupTraces").WithSummary("Delete the caller's traces older than N days").RequireAuthorization(ApiRoles.CanAdminister);
        routes.MapGet("/api/v1/agents/{agent_id}/traces", ListForAgent)
            .WithTags("Traces").RequireAuthorization(ApiRoles.CanRead)
            .WithName("ListAgentTraces").WithSummary("List one agent's traces, newest first");
        return group;
    }

    public static async Task<Results<Ok<Envelope<ListTracesResponse>>, JsonHttpResult<Envelope<object>>>> List(
        HttpRequest request, ClaimsPrincipal user, ITraceReader store, CancellationToken cancellationToken)
    {
        var (query, problem) = TraceListing.Read(request.Query);
        return problem is not null ? ApiResults.BadRequest(problem) : ApiResults.Ok(await ListPage(store, user, query, cancellationToken));
    }

    public static async Task<Results<Ok<Envelope<ListTracesResponse>>, JsonHttpResult<Envelope<object>>>> ListForAgent(
        string agent_id, HttpRequest request, ClaimsPrincipal user, ITraceReader store, CancellationToken cancellationToken)
    {
        if (Domain.Model.TraceIds.Problem("agent_id", agent_id) is { } idProblem)
        {
            return ApiResults.BadRequest(idProblem);
        }

        var (query, problem) = TraceListing.Read(request.Query, agent_id);
        return problem is not null ? ApiResults.BadRequest(problem) : ApiResults.Ok(await ListPage(store, user, query, cancellationToken));
    }

    public static async Task<Results<Ok<Envelope<JsonNode>>, JsonHttpResult<Envelope<object>>>> GetTrace(
        string task_id, HttpRequest request, ClaimsPrincipal user, ITraceReader store, TraceFormatter formatter, CancellationToken cancellationToken)
    {
        if (TraceRoutes.BadTaskId(task_id) is { } bad)
        {
            return bad;
        }

        if (!TraceRoutes.TryReadFormat(request, TraceFormat.Detailed, out var format, out var problem))
        {
            return ApiResults.BadRequest(problem);
        }

        return await store.ReadWholeAsync(user.Tenant(), task_id, cancellationToken) is { } trace
            ? ApiResults.Ok(formatter.FormatTrace(format, trace.Session, trace.Events))
            : TraceRoutes.TraceNotFound(task_id);
    }

    public static async Task<Results<Ok<Envelope<TraceAnalysis>>, JsonHttpResult<Envelope<object>>>> GetAnalysis(
        string task_id, ClaimsPrincipal user, ITraceReader store, TraceAnalyzer analyzer, CancellationToken cancellationToken)
    {
        if (TraceRoutes.BadTaskId(task_id) is { } bad)
        {
            return bad;
        }

        return await store.ReadWholeAsync(user.Tenant(), task_id, cancellationToken) is { } trace
            ? ApiResults.Ok(analyzer.Analyze(trace.Session, trace.Events))
            : TraceRoutes.TraceNotFound(task_id);
    }

    public static async Task<Results<Ok<Envelope<EventsResponse>>, JsonHttpResult<Envelope<object>>>> GetEvents(
        string task_id, HttpRequest request, ClaimsPrincipal user, ITraceReader store, CancellationToken cancellationToken)
    {
        if (TraceRoutes.BadTaskId(task_id) is { } bad)
        {
            return bad;
        }

        var reader = new QueryReader(request.Query);
        var query = new EventQuery
        {
            EventTypes = reader.EventTypes("event_types"),
            ComponentId = reader.Id("component_id"),
            AfterSeq = reader.Long("after_seq", 0, 0, long.MaxValue),
            Offset = reader.Int("offset", 0, 0, Paging.MaxOffset),
            Limit = reader.Int("limit", Paging.DefaultEventLimit, 1, Paging.MaxEventLimit),
        };
        if (reader.Problem is { } problem)
        {
            return ApiResults.BadRequest(problem);
        }

        var page = await store.GetEventsAsync(user.Tenant(), task_id, query, cancellationToken);
        return page is null
            ? TraceRoutes.TraceNotFound(task_id)
            : ApiResults.Ok(new EventsResponse(task_id, page.Events, page.Total, page.Offset, page.Limit, page.Events.Count));
    }

    public static async Task<Results<Ok<Envelope<SummaryResponse>>, JsonHttpResult<Envelope<object>>>> GetSummary(
        string task_id, ClaimsPrincipal user, ITraceReader store, CancellationToken cancellationToken)
    {
        if (TraceRoutes.BadTaskId(task_id) is { } bad)
        {
            return bad;
        }

        var session = await store.GetAsync(user.Tenant(), task_id, cancellationToken);
        return session is null
            ? TraceRoutes.TraceNotFound(task_id)
            : ApiResults.Ok(new SummaryResponse(session.TaskId, session.Status, session.TotalElapsedTime, session.Summary));
    }

    public static async Task<Results<Ok<Envelope<DeleteResponse>>, JsonHttpResult<Envelope<object>>>> Delete(
        string task_id, ClaimsPrincipal user, ITraceWriter store, CancellationToken cancellationToken)
    {
        if (TraceRoutes.BadTaskId(task_id) is { } bad)
        {
            return bad;
        }

        return await store.DeleteAsync(user.Tenant(), task_id, cancellationToken)
            ? ApiResults.Ok(new DeleteResponse(task_id, true))
            : TraceRoutes.TraceNotFound(task_id);
    }

    public static async Task<Results<Ok<Envelope<CleanupResponse>>, JsonHttpResult<Envelope<object>>>> Cleanup(
        HttpContext context, ClaimsPrincipal user, ITraceWriter store, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (cleanup, problem) = await JsonBody.ReadAsync<CleanupRequest>(context, cancellationToken);
        if (problem is not null)
        {
            return ApiResults.BadRequest(problem);
        }

        if (cleanup!.Days is < 0 or > 36_500)
        {
            return ApiResults.BadRequest($"days must be from 0 to 36500 (got {cleanup.Days})");
        }

        var cutoff = clock.GetUtcNow().AddDays(-cleanup.Days);
        var deleted = await store.DeleteCreatedBeforeAsync(user.Tenant(), cutoff, cancellationToken);
        return ApiResults.Ok(new CleanupResponse(deleted, cutoff));
    }

    private static async Task<ListTracesResponse> ListPage(ITraceReader store, ClaimsPrincipal user, TraceQuery query, CancellationToken cancellationToken)
    {
        var page = await store.ListAsync(user.Tenant(), query, cancellationToken);
        return new ListTracesResponse(page.Sessions, page.Total, page.Page, page.PageSize, page.IsFull);
    }
}
