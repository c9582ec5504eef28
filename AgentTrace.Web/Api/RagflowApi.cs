using System.ComponentModel;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using AgentTrace.Domain.Agents.Catalog;
using AgentTrace.Domain.Agents.Conversations;
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
/// The routes RAGFlow's SDK and HTTP API use to talk to an agent: both completion routes and the agent's sessions
/// (AgentTrace conversations). They read bodies as RAGFlow does (fields it accepts and AgentTrace has no use for are
/// ignored, flags are read by Python truthiness) and refuse in RAGFlow's error envelope (<see cref="RagflowError"/>).
/// </summary>
public static class RagflowApi
{
    private const string SessionIdDescription = "The session's id, as creating it answered.";

    public static RouteGroupBuilder MapRagflowApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/agents").WithTags("RAGFlow").RequireAuthorization(ApiRoles.CanRead);
        group.MapPost("/chat/completions", CompleteChat).WithName("CompleteRagflowChat").RequireAuthorization(ApiRoles.CanWrite)
            .WithSummary("Run the agent the body names (agent_id), RAGFlow-compatible (RAGFlow 0.25.1 and later)")
            .WithCompletionDocs("The agent (agent_id), the question (query or question), the session to continue, and how to answer, as RAGFlow takes them.");
        group.MapPost("/{agent_id}/completions", CompleteAgent).WithName("CompleteRagflow").RequireAuthorization(ApiRoles.CanWrite)
            .WithSummary("Run an agent, RAGFlow-compatible (the route RAGFlow 0.25.0 and earlier use)")
            .WithCompletionDocs("The question (question or query), the session to continue, and how to answer, as RAGFlow takes them.");
        group.MapPost("/{agent_id}/sessions", CreateSession).WithName("CreateRagflowSession").RequireAuthorization(ApiRoles.CanWrite)
            .WithSummary("Start a session (a conversation) with an agent; user_id and name are optional")
            .WithJsonBody<RagflowSessionRequest>("Who holds the session and its name; {} or no body for neither.")
            .ProducesRagflowError(StatusCodes.Status400BadRequest, "The body is not a JSON object, or user_id or name is not a string.")
            .ProducesRagflowError(StatusCodes.Status404NotFound, "The tenant has no agent with this id.");
        group.MapGet("/{agent_id}/sessions", ListSessions).WithName("ListRagflowSessions")
            .WithSummary("List an agent's sessions with their messages, newest first")
            .WithQuery("page", ParameterValue.Whole(1, 100_000, 1), "The page, from 1.")
            .WithQuery("page_size", ParameterValue.Whole(1, 1000, 30), "Sessions per page.")
            .WithQuery("orderby", ParameterValue.OneOf(["update_time", "create_time"], "update_time"), "The time sessions are ordered by.")
            .WithQuery("desc", ParameterValue.Text, "Newest first unless 'false' or 'False'.")
            .WithQuery("id", ParameterValue.Id, "Only this session.")
            .WithQuery("user_id", ParameterValue.Id, "Only this user's sessions.")
            .ProducesRagflowError(StatusCodes.Status400BadRequest, "A query parameter is out of range; the message names it.")
            .ProducesRagflowError(StatusCodes.Status404NotFound, "The tenant has no agent with this id.");
        group.MapDelete("/{agent_id}/sessions", DeleteSessions).WithName("DeleteRagflowSessions").RequireAuthorization(ApiRoles.CanWrite)
            .WithSummary("Delete sessions of an agent: those of ids, or every one with delete_all true; an empty body deletes none")
            .WithJsonBody<RagflowSessionsDeleteRequest>("The sessions to delete.")
            .ProducesRagflowError(StatusCodes.Status400BadRequest, "The body is not a JSON object, or ids is not a list of session ids.")
            .ProducesRagflowError(StatusCodes.Status404NotFound, "The tenant has no agent with this id, or none of the ids is one of its sessions.");
        group.MapGet("/{agent_id}/sessions/{session_id}", GetSession).WithName("GetRagflowSession")
            .WithSummary("Read one session of an agent with its messages")
            .ProducesRagflowError(StatusCodes.Status404NotFound, "The tenant has no agent with this id, or the agent no session with this id.");
        group.MapDelete("/{agent_id}/sessions/{session_id}", DeleteSession).WithName("DeleteRagflowSession").RequireAuthorization(ApiRoles.CanWrite)
            .WithSummary("Delete one session of an agent")
            .ProducesRagflowError(StatusCodes.Status404NotFound, "The tenant has no agent with this id, or the agent no session with this id.");
        return group;
    }

    public static Task<Results<EventStreamResult, Ok<Envelope<JsonObject>>, JsonHttpResult<RagflowError>, JsonHttpResult<JsonObject>>> CompleteChat(
        HttpContext context, ClaimsPrincipal user, AgentCatalog catalog, IConversationStore conversations, AgentRunner runner, ITraceReader store,
        TraceFormatter formatter, StreamSlots slots, TimeProvider clock, IOptions<LimitsOptions> limits, CancellationToken cancellationToken) =>
        CompleteAsync(null, context, user, catalog, conversations, runner, store, formatter, slots, clock, limits, cancellationToken);

    public static Task<Results<EventStreamResult, Ok<Envelope<JsonObject>>, JsonHttpResult<RagflowError>, JsonHttpResult<JsonObject>>> CompleteAgent(
        [FromRoute(Name = "agent_id"), Description(AgentsApi.AgentIdDescription)] string agentId, HttpContext context, ClaimsPrincipal user,
        AgentCatalog catalog, IConversationStore conversations, AgentRunner runner, ITraceReader store, TraceFormatter formatter,
        StreamSlots slots, TimeProvider clock, IOptions<LimitsOptions> limits, CancellationToken cancellationToken) =>
        CompleteAsync(agentId, context, user, catalog, conversations, runner, store, formatter, slots, clock, limits, cancellationToken);

    public static async Task<Results<Ok<Envelope<RagflowSession>>, JsonHttpResult<RagflowError>>> CreateSession(
        [FromRoute(Name = "agent_id"), Description(AgentsApi.AgentIdDescription)] string agentId, HttpContext context, ClaimsPrincipal user,
        AgentCatalog catalog, IConversationStore conversations, CancellationToken cancellationToken)
    {
        if (await UnknownAgentAsync(catalog, user.Tenant(), agentId, cancellationToken) is { } unknown)
        {
            return unknown;
        }

        var (body, problem) = await ReadBodyAsync(context, cancellationToken);
        var problems = problem is null ? [] : new List<string> { problem };
        var userId = body is null ? null : RagflowFields.Text(body, "user_id", problems) ?? context.Request.Query["user_id"].FirstOrDefault();
        var name = body is null ? null : RagflowFields.Text(body, "name", problems);
        if (userId is not null && TraceIds.Problem("user_id", userId) is { } userProblem)
        {
            problems.Add(userProblem);
        }

        if (problems.Count > 0)
        {
            return RagflowResults.Error(StatusCodes.Status400BadRequest, string.Join("; ", problems));
        }

        var conversation = await conversations.StartAsync(user.Tenant(), agentId, new ConversationStart(TraceIds.NewTaskId(), userId, name), cancellationToken);
        return ApiResults.Ok(RagflowSession.From(conversation));
    }

    public static async Task<Results<Ok<RagflowList<RagflowSession>>, JsonHttpResult<RagflowError>>> ListSessions(
        [FromRoute(Name = "agent_id"), Description(AgentsApi.AgentIdDescription)] string agentId, HttpRequest request, ClaimsPrincipal user,
        AgentCatalog catalog, IConversationStore conversations, CancellationToken cancellationToken)
    {
        var reader = new QueryReader(request.Query);
        var orderBy = reader.Text("orderby") switch
        {
            null or "update_time" => ConversationOrder.UpdatedAt,
            "create_time" => ConversationOrder.CreatedAt,
            var other => Refuse(reader, $"orderby must be update_time or create_time (got '{other}')"),
        };
        var query = new ConversationQuery
        {
            SessionId = reader.Id("id"),
            UserId = reader.Id("user_id"),
            OrderBy = orderBy,
            Descending = reader.Text("desc") is not ("false" or "False"),
            Page = reader.Int("page", 1, 1, 100_000),
            PageSize = reader.Int("page_size", 30, 1, 1000),
        };
        if (reader.Problem is { } problem)
        {
            return RagflowResults.Error(StatusCodes.Status400BadRequest, problem);
        }

        if (await UnknownAgentAsync(catalog, user.Tenant(), agentId, cancellationToken) is { } unknown)
        {
            return unknown;
        }

        var page = await conversations.ListAsync(user.Tenant(), agentId, query, cancellationToken);
        return TypedResults.Ok(RagflowList<RagflowSession>.Of([.. page.Conversations.Select(RagflowSession.From)], page.Total));
    }

    public static async Task<Results<Ok<Envelope<RagflowSession>>, JsonHttpResult<RagflowError>>> GetSession(
        [FromRoute(Name = "agent_id"), Description(AgentsApi.AgentIdDescription)] string agentId,
        [FromRoute(Name = "session_id"), Description(SessionIdDescription)] string sessionId,
        ClaimsPrincipal user, AgentCatalog catalog, IConversationStore conversations, CancellationToken cancellationToken)
    {
        if (await UnknownAgentAsync(catalog, user.Tenant(), agentId, cancellationToken) is { } unknown)
        {
            return unknown;
        }

        return await conversations.GetAsync(user.Tenant(), agentId, sessionId, cancellationToken) is { } conversation
            ? ApiResults.Ok(RagflowSession.From(conversation))
            : SessionNotFound(agentId, sessionId);
    }

    public static async Task<Results<Ok<Envelope<RagflowSessionsDeleted>>, JsonHttpResult<RagflowError>>> DeleteSession(
        [FromRoute(Name = "agent_id"), Description(AgentsApi.AgentIdDescription)] string agentId,
        [FromRoute(Name = "session_id"), Description(SessionIdDescription)] string sessionId,
        ClaimsPrincipal user, AgentCatalog catalog, IConversationStore conversations, CancellationToken cancellationToken)
    {
        if (await UnknownAgentAsync(catalog, user.Tenant(), agentId, cancellationToken) is { } unknown)
        {
            return unknown;
        }

        return await conversations.DeleteAsync(user.Tenant(), agentId, sessionId, cancellationToken)
            ? ApiResults.Ok(new RagflowSessionsDeleted(1, []))
            : SessionNotFound(agentId, sessionId);
    }

    public static async Task<Results<Ok<Envelope<RagflowSessionsDeleted>>, JsonHttpResult<RagflowError>>> DeleteSessions(
        [FromRoute(Name = "agent_id"), Description(AgentsApi.AgentIdDescription)] string agentId, HttpContext context, ClaimsPrincipal user,
        AgentCatalog catalog, IConversationStore conversations, CancellationToken cancellationToken)
    {
        var tenant = user.Tenant();
        if (await UnknownAgentAsync(catalog, tenant, agentId, cancellationToken) is { } unknown)
        {
            return unknown;
        }

        var (body, problem) = await ReadBodyAsync(context, cancellationToken);
        if (problem is not null)
        {
            return RagflowResults.Error(StatusCodes.Status400BadRequest, problem);
        }

        IReadOnlyList<string> ids;
        if (!RagflowFields.IsMissing(body!, "ids"))
        {
            if (body!["ids"] is not JsonArray list || list.Any(id => id is not JsonValue value || !value.TryGetValue(out string? _)))
            {
                return RagflowResults.Error(StatusCodes.Status400BadRequest, "ids must be a list of session ids");
            }

            ids = [.. list.Select(id => id!.GetValue<string>()).Distinct(StringComparer.Ordinal)];
        }
        else if (body!["delete_all"] is JsonValue all && all.TryGetValue(out bool everything) && everything)
        {
            ids = await AllSessionIdsAsync(conversations, tenant, agentId, cancellationToken);
        }
        else
        {
            ids = [];
        }

        var errors = new List<string>();
        foreach (var id in ids)
        {
            if (!await conversations.DeleteAsync(tenant, agentId, id, cancellationToken))
            {
                errors.Add($"the agent has no session {id}");
            }
        }

        var deleted = ids.Count - errors.Count;
        if (deleted == 0 && errors.Count > 0)
        {
            return RagflowResults.Error(StatusCodes.Status404NotFound, string.Join("; ", errors));
        }

        var outcome = new RagflowSessionsDeleted(deleted, errors);
        return TypedResults.Ok(new Envelope<RagflowSessionsDeleted>(0, errors.Count == 0 ? "success" : $"Partially deleted {deleted} sessions with {errors.Count} errors", outcome));
    }

    private static async Task<Results<EventStreamResult, Ok<Envelope<JsonObject>>, JsonHttpResult<RagflowError>, JsonHttpResult<JsonObject>>> CompleteAsync(
        string? routeAgentId, HttpContext context, ClaimsPrincipal user, AgentCatalog catalog, IConversationStore conversations, AgentRunner runner,
        ITraceReader store, TraceFormatter formatter, StreamSlots slots, TimeProvider clock, IOptions<LimitsOptions> limits, CancellationToken cancellationToken)
    {
        var (body, problem) = await ReadBodyAsync(context, cancellationToken);
        if (problem is not null)
        {
            return RagflowResults.Error(StatusCodes.Status400BadRequest, problem);
        }

        var problems = new List<string>();
        var request = RagflowCompletionRequest.Read(body!, problems);
        if (request.OpenAiCompatible && routeAgentId is not null)
        {
            problems.Add("openai-compatible answers are served on /api/v1/agents/chat/completions only");
        }

        var agentId = routeAgentId ?? request.AgentId;
        if (agentId is null)
        {
            problems.Add("agent_id is required");
        }

        problems.AddRange(CompletionInput.Problems(request));
        if (problems.Count > 0)
        {
            return RagflowResults.Error(StatusCodes.Status400BadRequest, string.Join("; ", problems));
        }

        var tenant = user.Tenant();
        if (await catalog.GetAsync(tenant, agentId!, cancellationToken) is not { } agent)
        {
            return AgentNotFound(agentId!);
        }

        if (request.SessionId is { } sessionId && await conversations.GetAsync(tenant, agentId!, sessionId, cancellationToken) is null)
        {
            return SessionNotFound(agentId!, sessionId);
        }

        // RAGFlow's runs are recorded at the standard level.
        var (run, slot, refusal) = await CompletionCalls.StartAsync(context, user, runner, slots, agent, new AgentRunRequest
        {
            TenantId = tenant,
            Question = request.Question,
            SessionId = request.SessionId,
            UserId = request.UserId,
            Inputs = request.Inputs,
            TraceLevel = TraceLevel.Standard,
            StreamLlm = request.Stream,
        }, request.Stream, cancellationToken);
        if (run is null)
        {
            return RagflowResults.From(refusal!);
        }

        var created = clock.GetUtcNow().ToUnixTimeSeconds();
        if (request.OpenAiCompatible)
        {
            return await OpenAiAnswerAsync(run, slot, request.Stream, created, context, store, limits, cancellationToken);
        }

        var envelope = new RagflowEnvelope(TraceIds.NewTaskId(), created, run.TaskId, run.SessionId);
        if (request.Stream)
        {
            var frames = RagflowCompletionStream.Frames(run, envelope, request.ReturnTrace, store, formatter, CompletionCalls.Logger(context), context.RequestAborted);
            return new EventStreamResult(frames, TimeSpan.FromSeconds(limits.Value.HeartbeatSeconds), slot, SseFraming.DataOnly);
        }

        var result = await run.Completion.WaitAsync(cancellationToken);
        return CompletionCalls.RunError(run, result) is { } runError
            ? RagflowResults.From(runError)
            : ApiResults.Ok(await RagflowCompletionStream.FinalEventAsync(run, result, envelope, request.ReturnTrace, store, formatter, cancellationToken));
    }

    /// <summary>The answer in OpenAI's shapes: streamed chunks, or one <c>chat.completion</c> object outside any envelope.</summary>
    private static async Task<Results<EventStreamResult, Ok<Envelope<JsonObject>>, JsonHttpResult<RagflowError>, JsonHttpResult<JsonObject>>> OpenAiAnswerAsync(
        AgentRun run, IDisposable? slot, bool stream, long created, HttpContext context, ITraceReader store, IOptions<LimitsOptions> limits, CancellationToken cancellationToken)
    {
        if (stream)
        {
            var frames = RagflowOpenAiAnswer.Frames(run, created, store, CompletionCalls.Logger(context), context.RequestAborted);
            return new EventStreamResult(frames, TimeSpan.FromSeconds(limits.Value.HeartbeatSeconds), slot, SseFraming.DataOnly);
        }

        var result = await run.Completion.WaitAsync(cancellationToken);
        return CompletionCalls.RunError(run, result) is { } runError
            ? RagflowResults.From(runError)
            : TypedResults.Json(await RagflowOpenAiAnswer.CompletionAsync(run, result, created, store, cancellationToken));
    }

    /// <summary>The body as a JSON object (an empty body reads as <c>{}</c>), or the problem.</summary>
    private static async Task<(JsonObject? Body, string? Problem)> ReadBodyAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var (document, _, problem) = await JsonBody.ReadDocumentAsync(context.Request, cancellationToken, emptyIsObject: true);
        using var json = document;
        if (problem is not null)
        {
            return (null, problem);
        }

        return json!.RootElement.ValueKind == JsonValueKind.Object
            ? (JsonObject.Create(json.RootElement.Clone()), null)
            : (null, $"the body must be a JSON object ({{...}}), not {JsonBody.Kind(json.RootElement)}");
    }

    private static async Task<IReadOnlyList<string>> AllSessionIdsAsync(IConversationStore conversations, string tenantId, string agentId, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        for (var page = 1; ; page++)
        {
            var batch = await conversations.ListAsync(tenantId, agentId, new ConversationQuery { Page = page, PageSize = 1000 }, cancellationToken);
            ids.AddRange(batch.Conversations.Select(c => c.SessionId));
            if (batch.Conversations.Count < 1000)
            {
                return ids;
            }
        }
    }

    private static ConversationOrder Refuse(QueryReader reader, string problem)
    {
        reader.Add(problem);
        return ConversationOrder.UpdatedAt;
    }

    private static JsonHttpResult<RagflowError> AgentNotFound(string agentId) => RagflowResults.NotFound($"agent {agentId}");

    /// <summary>The refusal when the tenant has no agent of this id; null when it has.</summary>
    private static async Task<JsonHttpResult<RagflowError>?> UnknownAgentAsync(AgentCatalog catalog, string tenantId, string agentId, CancellationToken cancellationToken) =>
        await catalog.GetAsync(tenantId, agentId, cancellationToken) is null ? AgentNotFound(agentId) : null;

    private static JsonHttpResult<RagflowError> SessionNotFound(string agentId, string sessionId) => RagflowResults.NotFound($"session {sessionId} of agent {agentId}");

    private static RouteHandlerBuilder ProducesRagflowError(this RouteHandlerBuilder builder, int statusCode, string description) =>
        builder.ProducesError(statusCode, description, typeof(RagflowError));

    private static RouteHandlerBuilder WithCompletionDocs(this RouteHandlerBuilder builder, string body) => builder
        .WithJsonBody<RagflowCompletionRequest>(body)
        .WithResponseDescription(StatusCodes.Status200OK,
            "With stream true (the default), RAGFlow's Server-Sent Events: data:{\"event\": \"message\"|\"message_end\"|\"node_finished\"|"
            + "\"workflow_finished\", ...} frames and data:[DONE]. message_end carries data.reference (chunks and doc_aggs) when the run "
            + "retrieved any; node_finished carries its own trace entry with return_trace; workflow_finished carries the answer, its "
            + "reference, the token usage and, with return_trace, the whole trace. With stream false, that workflow_finished event. "
            + "With openai-compatible (agents/chat/completions only), OpenAI's chat.completion object, or its chat.completion.chunk frames.")
        .ProducesRunErrors(typeof(RagflowError))
        .ProducesRagflowError(StatusCodes.Status404NotFound, "The tenant has no agent with this id, or session_id names no session of this agent.");
}
