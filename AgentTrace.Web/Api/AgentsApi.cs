using System.Security.Claims;
using AgentTrace.Domain.Agents;
using AgentTrace.Domain.Agents.Catalog;
using AgentTrace.Domain.Agents.Definitions;
using AgentTrace.Domain.Agents.Knowledge;
using AgentTrace.Domain.Agents.Tools;
using AgentTrace.Domain.Model;
using AgentTrace.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AgentTrace.Web.Api;

/// <summary>
/// The agents of the caller's tenant: <c>/api/v1/agents</c>, the shared agents of the agents folder and the tenant's
/// own. Readers read; writers and admins add, replace and delete the tenant's own agents.
/// </summary>
public static class AgentsApi
{
    public static RouteGroupBuilder MapAgentsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/agents").WithTags("Agents").RequireAuthorization(ApiRoles.CanRead);
        group.MapGet("/", List).WithName("ListAgents").WithSummary("List the tenant's agents: the shared ones and its own");
        group.MapGet("/{agent_id}", Get).WithName("GetAgent").WithSummary("Read an agent's definition");
        group.MapPut("/{agent_id}", Put).WithName("PutAgent").WithSummary("Add or replace an agent of the tenant's own; an invalid definition is refused with every problem").RequireAuthorization(ApiRoles.CanWrite);
        group.MapDelete("/{agent_id}", Delete).WithName("DeleteAgent").WithSummary("Delete an agent of the tenant's own").RequireAuthorization(ApiRoles.CanWrite);
        return group;
    }

    public static async Task<Ok<Envelope<AgentListResponse>>> List(
        ClaimsPrincipal user, AgentCatalog catalog, KnowledgeBaseCatalog knowledge, ToolCatalog tools, CancellationToken cancellationToken)
    {
        var agents = (await catalog.ListAsync(user.Tenant(), cancellationToken))
            .Select(a => new AgentSummary(a.Id!, a.Name, a.Description, a.Components.Count, [.. a.Components.Values.Select(c => c.Type).Distinct(StringComparer.Ordinal)]))
            .ToList();
        return ApiResults.Ok(new AgentListResponse(agents, agents.Count, knowledge.Names, [.. tools.BuiltInNames.Order(StringComparer.Ordinal)]));
    }

    public static async Task<Results<Ok<Envelope<AgentDefinition>>, JsonHttpResult<Envelope<object>>>> Get(
        string agent_id, ClaimsPrincipal user, AgentCatalog catalog, CancellationToken cancellationToken)
    {
        if (TraceIds.Problem("agent_id", agent_id) is { } problem)
        {
            return ApiResults.BadRequest(problem);
        }

        return await catalog.GetAsync(user.Tenant(), agent_id, cancellationToken) is { } agent ? ApiResults.Ok(agent) : AgentNotFound(agent_id);
    }

    public static async Task<Results<Created<Envelope<AgentDefinition>>, Ok<Envelope<AgentDefinition>>, JsonHttpResult<Envelope<object>>>> Put(
        string agent_id, HttpContext context, ClaimsPrincipal user, AgentCatalog catalog, CancellationToken cancellationToken)
    {
        if (TraceIds.Problem("agent_id", agent_id) is { } idProblem)
        {
            return ApiResults.BadRequest(idProblem);
        }

        var (definition, problem) = await JsonBody.ReadAsync<AgentDefinition>(context, cancellationToken);
        if (problem is not null)
        {
            return ApiResults.BadRequest(problem);
        }

        if (definition!.Id is { } id && id != agent_id)
        {
            return ApiResults.BadRequest($"id is '{id}' but the path names agent '{agent_id}'; leave id out or make them equal");
        }

        var (created, problems) = await catalog.PutAsync(user.Tenant(), agent_id, definition, cancellationToken);
        if (problems.Count > 0)
        {
            return ApiResults.BadRequest($"the agent definition has {problems.Count} problem(s): {string.Join("; ", problems)}");
        }

        var stored = (await catalog.GetAsync(user.Tenant(), agent_id, cancellationToken))!;
        return created ? ApiResults.Created($"/api/v1/agents/{agent_id}", stored) : ApiResults.Ok(stored);
    }

    public static async Task<Results<Ok<Envelope<AgentDeleteResponse>>, JsonHttpResult<Envelope<object>>>> Delete(
        string agent_id, ClaimsPrincipal user, AgentCatalog catalog, CancellationToken cancellationToken)
    {
        if (TraceIds.Problem("agent_id", agent_id) is { } problem)
        {
            return ApiResults.BadRequest(problem);
        }

        return await catalog.DeleteAsync(user.Tenant(), agent_id, cancellationToken) switch
        {
            AgentDeleteOutcome.Deleted => ApiResults.Ok(new AgentDeleteResponse(agent_id, true)),
            AgentDeleteOutcome.Shared => ApiResults.Conflict($"agent {agent_id} comes from the agents folder ({AgentsOptions.Section}:Path) and is shared by every tenant; remove its file there, or PUT an agent of this id to replace it for this tenant"),
            _ => AgentNotFound(agent_id),
        };
    }

    public static JsonHttpResult<Envelope<object>> AgentNotFound(string agentId) => ApiResults.NotFound($"agent {agentId}");
}
