using System.ComponentModel;
using System.Security.Claims;
using System.Text.Json.Nodes;
using AgentTrace.Domain.Analysis;
using AgentTrace.Domain.Formatting;
using AgentTrace.Domain.Model;
using AgentTrace.Domain.Storage;
using AgentTrace.Web.Auth;
using AgentTrace.Web.Contract;
using AgentTrace.Web.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AgentTrace.Web.Api;

/// <summary>Reading and removing stored traces: <c>/api/v1/traces</c> and <c>/api/v1/agents/{agent_id}/traces</c>.</summary>
public static class TracesApi
{
    public static RouteGroupBuilder MapTracesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/traces").WithTags("Traces").RequireAuthorization(ApiRoles.CanRead);
        group.MapGet("/", List).WithName("ListTraces").WithSummary("List the caller's traces, newest first, with filters and paging")
            .WithListQuery(agentFilter: true)
            .ProducesError(StatusCodes.Status400BadRequest, "A filter or paging value is malformed or out of range; the message names each one.");
        group.MapGet("/{task_id}", GetTrace).WithName("GetTrace").WithSummary("Read one trace in a format: streaming, compact, detailed (default) or ragflow")
            .WithFormatQuery(TraceFormat.Detailed)
            .WithResponseDescription(StatusCodes.Status200OK,
                "The trace in the chosen format: detailed (trace, summary, events, paired llm/retrieval/tool calls), compact "
                + "(trace, summary, one line per step), streaming (flat events) or ragflow (RAGFlow's return_trace entries).")
            .ProducesTraceErrors("The task id or the format is malformed.");
        group.MapGet("/{task_id}/events", GetEvents).WithName("GetTraceEvents").WithSummary("Read a trace's events, filtered and paged, with the total")
            .WithQuery("event_types", ParameterValue.ListOf(WireNames.EventTypes), "Only events of these types (comma-separated).")
            .WithQuery("component_id", ParameterValue.Id, "Only events of this component.")
            .WithQuery("after_seq", ParameterValue.Whole(0, long.MaxValue, 0), "Only events whose seq is greater than this.")
            .WithQuery("offset", ParameterValue.Whole(0, Paging.MaxOffset, 0), "How many matching events to skip.")
            .WithQuery("limit", ParameterValue.Whole(1, Paging.MaxEventLimit, Paging.DefaultEventLimit), "How many events to return at most.")
            .ProducesTraceErrors("The task id, or a filter or paging value, is malformed or out of range; the message names each one.");
        group.MapGet("/{task_id}/summary", GetSummary).WithName("GetTraceSummary").WithSummary("Read a trace's roll-up counts")
            .ProducesTraceErrors("The task id is malformed.");
        group.MapGet("/{task_id}/analysis", GetAnalysis).WithName("GetTraceAnalysis").WithSummary("Where the time went, what failed and what to change")
            .ProducesTraceErrors("The task id is malformed.");
        group.MapDelete("/{task_id}", Delete).WithName("DeleteTrace").WithSummary("Delete a trace and its events").RequireAuthorization(ApiRoles.CanWrite)
            .ProducesTraceErrors("The task id is malformed.");
        group.MapPost("/cleanup", Cleanup).WithName("CleanupTraces").WithSummary("Delete the caller's traces older than N days").RequireAuthorization(ApiRoles.CanAdminister)
            .WithJsonBody<CleanupRequest>("How old a trace must be to be deleted.")
            .ProducesError(StatusCodes.Status400BadRequest, "The body is not a JSON object with days from 0 to 36500.");
        routes.MapGet("/api/v1/agents/{agent_id}/traces", ListForAgent)
            .WithTags("Traces").RequireAuthorization(ApiRoles.CanRead)
            .WithName("ListAgentTraces").WithSummary("List one agent's traces, newest first")
            .WithListQuery(agentFilter: false)
            .ProducesError(StatusCodes.Status400BadRequest, "The agent id, or a filter or paging value, is malformed or out of range; the message names each one.");
        return group;
    }

    /// <summary>The answers of a route about one trace: 400 when <paramref name="badRequest"/>, 404 when the caller's tenant has no such trace.</summary>
    private static RouteHandlerBuilder ProducesTraceErrors(this RouteHandlerBuilder builder, string badRequest) =>
        builder.ProducesError(StatusCodes.Status400BadRequest, badRequest)
            .ProducesError(StatusCodes.Status404NotFound, "The caller's tenant has no trace with this task id.");

    public static async Task<Results<Ok<Envelope<ListTracesResponse>>, JsonHttpResult<ErrorEnvelope>>> List(
        HttpRequest request, ClaimsPrincipal user, ITraceReader store, CancellationToken cancellationToken)
    {
        var (query, problem) = TraceListing.Read(request.Query);
        return problem is not null ? ApiResults.BadRequest(problem) : ApiResults.Ok(await ListPage(store, user, query, cancellationToken));
    }

    public static async Task<Results<Ok<Envelope<ListTracesResponse>>, JsonHttpResult<ErrorEnvelope>>> ListForAgent(
        [FromRoute(Name = "agent_id"), Description(AgentsApi.AgentIdDescription)] string agentId,
        HttpRequest request, ClaimsPrincipal user, ITraceReader store, CancellationToken cancellationToken)
    {
        if (TraceIds.Problem("agent_id", agentId) is { } idProblem)
        {
            return ApiResults.BadRequest(idProblem);
        }

        var (query, problem) = TraceListing.Read(request.Query, agentId);
        return problem is not null ? ApiResults.BadRequest(problem) : ApiResults.Ok(await ListPage(store, user, query, cancellationToken));
    }

    public static async Task<Results<Ok<Envelope<JsonNode>>, JsonHttpResult<ErrorEnvelope>>> GetTrace(
        [FromRoute(Name = "task_id"), Description(TraceRoutes.TaskIdDescription)] string taskId,
        HttpRequest request, ClaimsPrincipal user, ITraceReader store, TraceFormatter formatter, CancellationToken cancellationToken)
    {
        if (TraceRoutes.BadTaskId(taskId) is { } bad)
        {
            return bad;
        }

        if (!TraceRoutes.TryReadFormat(request, TraceFormat.Detailed, out var format, out var problem))
        {
            return ApiResults.BadRequest(problem);
        }

        return await store.ReadWholeAsync(user.Tenant(), taskId, cancellationToken) is { } trace
            ? ApiResults.Ok(formatter.FormatTrace(format, trace.Session, trace.Events))
            : TraceRoutes.TraceNotFound(taskId);
    }

    public static async Task<Results<Ok<Envelope<TraceAnalysis>>, JsonHttpResult<ErrorEnvelope>>> GetAnalysis(
        [FromRoute(Name = "task_id"), Description(TraceRoutes.TaskIdDescription)] string taskId,
        ClaimsPrincipal user, ITraceReader store, TraceAnalyzer analyzer, CancellationToken cancellationToken)
    {
        if (TraceRoutes.BadTaskId(taskId) is { } bad)
        {
            return bad;
        }

        return await store.ReadWholeAsync(user.Tenant(), taskId, cancellationToken) is { } trace
            ? ApiResults.Ok(analyzer.Analyze(trace.Session, trace.Events))
            : TraceRoutes.TraceNotFound(taskId);
    }

    public static async Task<Results<Ok<Envelope<EventsResponse>>, JsonHttpResult<ErrorEnvelope>>> GetEvents(
        [FromRoute(Name = "task_id"), Description(TraceRoutes.TaskIdDescription)] string taskId,
        HttpRequest request, ClaimsPrincipal user, ITraceReader store, CancellationToken cancellationToken)
    {
        if (TraceRoutes.BadTaskId(taskId) is { } bad)
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

        var page = await store.GetEventsAsync(user.Tenant(), taskId, query, cancellationToken);
        return page is null
            ? TraceRoutes.TraceNotFound(taskId)
            : ApiResults.Ok(new EventsResponse(taskId, page.Events, page.Total, page.Offset, page.Limit, page.Events.Count));
    }

    public static async Task<Results<Ok<Envelope<SummaryResponse>>, JsonHttpResult<ErrorEnvelope>>> GetSummary(
        [FromRoute(Name = "task_id"), Description(TraceRoutes.TaskIdDescription)] string taskId,
        ClaimsPrincipal user, ITraceReader store, CancellationToken cancellationToken)
    {
        if (TraceRoutes.BadTaskId(taskId) is { } bad)
        {
            return bad;
        }

        var session = await store.GetAsync(user.Tenant(), taskId, cancellationToken);
        return session is null
            ? TraceRoutes.TraceNotFound(taskId)
            : ApiResults.Ok(new SummaryResponse(session.TaskId, session.Status, session.TotalElapsedTime, session.Summary));
    }

    public static async Task<Results<Ok<Envelope<DeleteResponse>>, JsonHttpResult<ErrorEnvelope>>> Delete(
        [FromRoute(Name = "task_id"), Description(TraceRoutes.TaskIdDescription)] string taskId,
        ClaimsPrincipal user, ITraceWriter store, CancellationToken cancellationToken)
    {
        if (TraceRoutes.BadTaskId(taskId) is { } bad)
        {
            return bad;
        }

        return await store.DeleteAsync(user.Tenant(), taskId, cancellationToken)
            ? ApiResults.Ok(new DeleteResponse(taskId, true))
            : TraceRoutes.TraceNotFound(taskId);
    }

    public static async Task<Results<Ok<Envelope<CleanupResponse>>, JsonHttpResult<ErrorEnvelope>>> Cleanup(
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
