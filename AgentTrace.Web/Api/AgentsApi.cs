using System.ComponentModel;
using System.Security.Claims;
using AgentTrace.Domain.Agents;
using AgentTrace.Domain.Agents.Catalog;
using AgentTrace.Domain.Agents.Definitions;
using AgentTrace.Domain.Agents.Knowledge;
using AgentTrace.Domain.Agents.Tools;
using AgentTrace.Domain.Model;
using AgentTrace.Web.Auth;
using AgentTrace.Web.Contract;
using AgentTrace.Web.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AgentTrace.Web.Api;

/// <summary>
/// The agents of the caller's tenant: <c>/api/v1/agents</c>, the shared agents of the agents folder and the tenant's
/// own. Readers read; writers and admins add, replace and delete the tenant's own agents.
/// </summary>
public static class AgentsApi
{
    public const string AgentIdDescription = "The agent's id: 1 to 128 letters, digits and - _ . : @.";

    /// <summary>The orders RAGFlow's SDK may ask for; agents have no times, so every order is by id.</summary>
    private static readonly string[] s_orders = ["create_time", "update_time", "id", "title"];

    public static RouteGroupBuilder MapAgentsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/agents").WithTags("Agents").RequireAuthorization(ApiRoles.CanRead);
        group.MapGet("/", List).WithName("ListAgents").WithSummary("List the tenant's agents (the shared ones and its own) by id, as RAGFlow lists them: data is the list, total beside it")
            .WithQuery("page", ParameterValue.Whole(1, 100_000, 1), "The page, from 1.")
            .WithQuery("page_size", ParameterValue.Whole(1, 1000, 1000), "Agents per page.")
            .WithQuery("orderby", ParameterValue.OneOf(s_orders), "Accepted as RAGFlow's SDK sends it; agents are always ordered by id.")
            .WithQuery("desc", ParameterValue.Text, "Ids in descending order when given and not 'false' or 'False' (RAGFlow's SDK sends True); ascending when absent.")
            .WithQuery("id", ParameterValue.Id, "Only this agent.")
            .WithQuery("title", ParameterValue.Text, "Only agents of this name.")
            .ProducesError(StatusCodes.Status400BadRequest, "A query parameter is out of range; the message names it.");
        routes.MapGet("/api/v1/agent-parts", Parts).WithName("GetAgentParts").WithTags("Agents").RequireAuthorization(ApiRoles.CanRead)
            .WithSummary("What agent definitions may name: the knowledge bases and built-in tools of this server");
        group.MapGet("/{agent_id}", Get).WithName("GetAgent").WithSummary("Read an agent's definition")
            .ProducesError(StatusCodes.Status400BadRequest, "The agent id is malformed.")
            .ProducesError(StatusCodes.Status404NotFound, "The tenant has no agent with this id.");
        group.MapPut("/{agent_id}", Put).WithName("PutAgent").WithSummary("Add or replace an agent of the tenant's own; an invalid definition is refused with every problem").RequireAuthorization(ApiRoles.CanWrite)
            .WithJsonBody<AgentDefinition>("The agent's definition: its components and how they connect; id may be left out.")
            .WithResponseDescription(StatusCodes.Status200OK, "The agent was replaced; its stored definition.")
            .WithResponseDescription(StatusCodes.Status201Created, "The agent was added; its stored definition.")
            .WithResponseHeader(StatusCodes.Status201Created, "Location", "The new agent's path.")
            .ProducesError(StatusCodes.Status400BadRequest,
                "The agent id is malformed, the body is not an agent definition, its id differs from the path's, or the "
                + "definition is invalid; the message lists every problem.");
        group.MapDelete("/{agent_id}", Delete).WithName("DeleteAgent").WithSummary("Delete an agent of the tenant's own").RequireAuthorization(ApiRoles.CanWrite)
            .ProducesError(StatusCodes.Status400BadRequest, "The agent id is malformed.")
            .ProducesError(StatusCodes.Status404NotFound, "The tenant has no agent with this id.")
            .ProducesError(StatusCodes.Status409Conflict, "The agent comes from the agents folder and is shared by every tenant; it cannot be deleted through the API.");
        return group;
    }

    public static async Task<Results<Ok<RagflowList<AgentSummary>>, JsonHttpResult<ErrorEnvelope>>> List(
        HttpRequest request, ClaimsPrincipal user, AgentCatalog catalog, CancellationToken cancellationToken)
    {
        var query = new QueryReader(request.Query);
        var page = query.Int("page", 1, 1, 100_000);
        var pageSize = query.Int("page_size", 1000, 1, 1000);
        if (query.Text("orderby") is { } order && !s_orders.Contains(order))
        {
            query.Add($"orderby must be one of {string.Join(", ", s_orders)} (got '{order}')");
        }

        var descending = query.Text("desc") is { } desc && desc is not ("false" or "False");
        var id = query.Id("id");
        var title = query.Text("title");
        if (query.Problem is { } problem)
        {
            return ApiResults.BadRequest(problem);
        }

        var matching = (await catalog.ListAsync(user.Tenant(), cancellationToken))
            .Where(a => (id is null || a.Id == id) && (title is null || (a.Name ?? a.Id) == title))
            .Select(a => new AgentSummary(a.Id!, a.Name, a.Name ?? a.Id!, a.Description, a.Components.Count, [.. a.Components.Values.Select(c => c.Type).Distinct(StringComparer.Ordinal)]))
            .ToList();
        var ordered = descending ? matching.OrderByDescending(a => a.Id, StringComparer.Ordinal) : matching.OrderBy(a => a.Id, StringComparer.Ordinal);
        return TypedResults.Ok(RagflowList<AgentSummary>.Of([.. ordered.Skip((page - 1) * pageSize).Take(pageSize)], matching.Count));
    }

    public static Ok<Envelope<AgentParts>> Parts(KnowledgeBaseCatalog knowledge, ToolCatalog tools) =>
        ApiResults.Ok(new AgentParts(knowledge.Names, [.. tools.BuiltInNames.Order(StringComparer.Ordinal)]));

    public static async Task<Results<Ok<Envelope<AgentDefinition>>, JsonHttpResult<ErrorEnvelope>>> Get(
        [FromRoute(Name = "agent_id"), Description(AgentIdDescription)] string agentId,
        ClaimsPrincipal user, AgentCatalog catalog, CancellationToken cancellationToken)
    {
        if (TraceIds.Problem("agent_id", agentId) is { } problem)
        {
            return ApiResults.BadRequest(problem);
        }

        return await catalog.GetAsync(user.Tenant(), agentId, cancellationToken) is { } agent ? ApiResults.Ok(agent) : AgentNotFound(agentId);
    }

    public static async Task<Results<Created<Envelope<AgentDefinition>>, Ok<Envelope<AgentDefinition>>, JsonHttpResult<ErrorEnvelope>>> Put(
        [FromRoute(Name = "agent_id"), Description(AgentIdDescription)] string agentId,
        HttpContext context, ClaimsPrincipal user, AgentCatalog catalog, CancellationToken cancellationToken)
    {
        if (TraceIds.Problem("agent_id", agentId) is { } idProblem)
        {
            return ApiResults.BadRequest(idProblem);
        }

        var (definition, problem) = await JsonBody.ReadAsync<AgentDefinition>(context, cancellationToken);
        if (problem is not null)
        {
            return ApiResults.BadRequest(problem);
        }

        if (definition!.Id is { } id && id != agentId)
        {
            return ApiResults.BadRequest($"id is '{id}' but the path names agent '{agentId}'; leave id out or make them equal");
        }

        var (created, problems) = await catalog.PutAsync(user.Tenant(), agentId, definition, cancellationToken);
        if (problems.Count > 0)
        {
            return ApiResults.BadRequest($"the agent definition has {problems.Count} problem(s): {string.Join("; ", problems)}");
        }

        var stored = (await catalog.GetAsync(user.Tenant(), agentId, cancellationToken))!;
        return created ? ApiResults.Created($"/api/v1/agents/{agentId}", stored) : ApiResults.Ok(stored);
    }

    public static async Task<Results<Ok<Envelope<AgentDeleteResponse>>, JsonHttpResult<ErrorEnvelope>>> Delete(
        [FromRoute(Name = "agent_id"), Description(AgentIdDescription)] string agentId,
        ClaimsPrincipal user, AgentCatalog catalog, CancellationToken cancellationToken)
    {
        if (TraceIds.Problem("agent_id", agentId) is { } problem)
        {
            return ApiResults.BadRequest(problem);
        }

        return await catalog.DeleteAsync(user.Tenant(), agentId, cancellationToken) switch
        {
            AgentDeleteOutcome.Deleted => ApiResults.Ok(new AgentDeleteResponse(agentId, true)),
            AgentDeleteOutcome.Shared => ApiResults.Conflict($"agent {agentId} comes from the agents folder ({AgentsOptions.Section}:Path) and is shared by every tenant; remove its file there, or PUT an agent of this id to replace it for this tenant"),
            _ => AgentNotFound(agentId),
        };
    }

    public static JsonHttpResult<ErrorEnvelope> AgentNotFound(string agentId) => ApiResults.NotFound($"agent {agentId}");
}
